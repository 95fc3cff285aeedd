#ifndef WARDPLANS_CLIBXML2_SHIM_H
#define WARDPLANS_CLIBXML2_SHIM_H

// Debian's libxml2 headers pull in the system ICU headers, whose UErrorCode clashes with the one
// Foundation brings ("'UErrorCode' has different definitions in different modules"). We never use
// libxml2's ICU entry points, so switch them off before any other libxml2 header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlsave.h>
#include <libxml/xpath.h>

// libxml2's xmlFree is a global function-pointer variable, which Swift 6 refuses to touch
// ("not concurrency-safe"); this wrapper is an ordinary function.
static inline void wardplans_xml_free(void *pointer) { xmlFree(pointer); }

#endif
