#include "wardplans_exchange.h"

#include <errno.h>
#include <stdio.h>

#if defined(__linux__)
#include <fcntl.h>        // AT_FDCWD
#include <sys/syscall.h>  // SYS_renameat2
#include <unistd.h>       // syscall
#endif

int wardplans_exchange(const char *a, const char *b) {
#if defined(__linux__) && defined(SYS_renameat2)
    // The system call, not glibc's wrapper (glibc 2.28 and later only). 2 is RENAME_EXCHANGE.
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 2);
#elif defined(__APPLE__)
    return renamex_np(a, b, RENAME_SWAP);
#else
    (void)a;
    (void)b;
    errno = ENOSYS;
    return -1;
#endif
}
