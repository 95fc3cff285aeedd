import Foundation
import WardPlanKit

/// The language of the command's messages and `--help`, decided once from the command line and the
/// environment before ArgumentParser reads the help texts.
let messageLanguage = Language.ofMessages(
    arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)

/// A message in the command's language.
func say(_ message: Message, _ arguments: CustomStringConvertible...) -> String {
    message.format(messageLanguage, arguments)
}
