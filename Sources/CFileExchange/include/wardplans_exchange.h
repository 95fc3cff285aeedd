#ifndef WARDPLANS_EXCHANGE_H
#define WARDPLANS_EXCHANGE_H

/// Swaps the files at `a` and `b` in one step (Linux `renameat2` with `RENAME_EXCHANGE`, macOS
/// `renamex_np` with `RENAME_SWAP`): after it, `b` holds what `a` held and `a` what `b` held.
/// Returns 0, or -1 with errno set: ENOENT when either is missing; EINVAL, ENOSYS or ENOTSUP
/// when the file system or the system cannot swap (the caller then renames as before).
int wardplans_exchange(const char *a, const char *b);

#endif
