/*
 * uapi/fcntl.h - open flags, fcntl commands, lseek whence values.
 * Values follow Linux's generic numbering.
 */
#ifndef DUPLEX_UAPI_FCNTL_H
#define DUPLEX_UAPI_FCNTL_H

#define O_ACCMODE    0003
#define O_RDONLY     00
#define O_WRONLY     01
#define O_RDWR       02
#define O_CREAT      0100
#define O_EXCL       0200
#define O_NOCTTY     0400
#define O_TRUNC      01000
#define O_APPEND     02000
#define O_NONBLOCK   04000
#define O_DIRECTORY  0200000
#define O_NOFOLLOW   0400000
#define O_CLOEXEC    02000000

#define F_DUPFD          0
#define F_GETFD          1
#define F_SETFD          2
#define F_GETFL          3
#define F_SETFL          4
#define F_DUPFD_CLOEXEC  1030
#define F_SETPIPE_SZ     1031
#define F_GETPIPE_SZ     1032

#define FD_CLOEXEC   1

/* splice() flags: only NONBLOCK changes anything in Duplex */
#define SPLICE_F_MOVE      1
#define SPLICE_F_NONBLOCK  2
#define SPLICE_F_MORE      4
#define SPLICE_F_GIFT      8

#define SEEK_SET     0
#define SEEK_CUR     1
#define SEEK_END     2

#define AT_FDCWD     (-100)
/* flags of the *at calls */
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_SYMLINK_FOLLOW   0x400
#define AT_EMPTY_PATH       0x1000

/* access() modes */
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

#endif
