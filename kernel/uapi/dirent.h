/*
 * uapi/dirent.h - the records getdents() writes, laid out like Linux's
 * struct linux_dirent64: a fixed header followed by the NUL-terminated name,
 * each record padded to 8 bytes.
 */
#ifndef DUPLEX_UAPI_DIRENT_H
#define DUPLEX_UAPI_DIRENT_H

#include "types.h"

#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_REG     8
#define DT_SOCK    12
#define DT_LNK     10

struct k_dirent {
    uint64_t d_ino;
    int64_t  d_off;       /* position of the next record */
    uint16_t d_reclen;    /* size of this record */
    uint8_t  d_type;
    char     d_name[];    /* NUL-terminated */
};

#endif
