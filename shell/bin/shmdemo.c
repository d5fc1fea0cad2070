/*
 * shmdemo - a frame buffer in shared memory: one process draws, another
 * shows.
 *
 *   shmdemo                  a writer and a reader over a new segment
 *   shmdemo -w SHMID SEMID   be the writer (started by shmdemo itself)
 *
 * With no arguments, shmdemo makes a private segment holding a small frame
 * buffer and a System V set of two semaphores, starts a copy of itself as
 * the writer, and becomes the reader. The writer draws four frames of a
 * ball crossing the screen, straight into the segment; the reader, which
 * attached the segment read-only, prints each one. They take turns with
 * the semaphores:
 *
 *     SHOWN  (starts at 1)  the reader has printed the last frame
 *     READY  (starts at 0)  a new frame is drawn
 *
 * The writer takes SHOWN, draws, gives READY; the reader takes READY,
 * prints, gives SHOWN. So the writer never draws over a frame that is
 * being printed, and the reader never prints a half-drawn one. Without
 * them, the reader would show whatever the memory held at the moment.
 *
 * The output is the same on every run and every target. docs/ipc/shm.md
 * walks through this program.
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define PROG   "shmdemo"
#define W      20
#define H      4
#define FRAMES 4
#define SHOWN  0
#define READY  1

extern char **environ;

/* What the segment holds: plain data, the same in every process. */
struct framebuffer {
    int  frame;                     /* the number of the frame drawn */
    char pixels[H][W];
};

union semun {                       /* POSIX leaves it to the program */
    int              val;
    struct semid_ds *buf;
    unsigned short  *array;
};

static void die(const char *what)
{
    fprintf(stderr, PROG ": %s: %s\n", what, strerror(errno));
    exit(1);
}

static int parse_id(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (!*s || *end || n < 0 || n > 0x7fffffffL) {
        fprintf(stderr, PROG ": invalid id '%s'\n", s);
        exit(1);
    }
    return (int)n;
}

/* Add op to semaphore num of set semid, waiting if it would go below 0. */
static void sem_step(int semid, int num, int op)
{
    struct sembuf b = { (unsigned short)num, (short)op, 0 };
    if (semop(semid, &b, 1) < 0)
        die("semop");
}

/* Frame f: the ball moves right and bounces down the screen, leaving a
 * trail of dots. */
static void draw(struct framebuffer *fb, int f)
{
    memset(fb->pixels, ' ', sizeof fb->pixels);
    for (int i = 0; i <= f; i++)
        fb->pixels[i % H][i * 6] = i == f ? 'o' : '.';
    fb->frame = f + 1;
}

static int writer(int shmid, int semid)
{
    struct framebuffer *fb = shmat(shmid, NULL, 0);
    if (fb == (void *)-1)
        die("shmat");
    for (int f = 0; f < FRAMES; f++) {
        sem_step(semid, SHOWN, -1);
        draw(fb, f);
        sem_step(semid, READY, +1);
    }
    return shmdt(fb) < 0;
}

static void show(const struct framebuffer *fb)
{
    printf("frame %d of %d\n+", fb->frame, FRAMES);
    for (int x = 0; x < W; x++)
        putchar('-');
    printf("+\n");
    for (int y = 0; y < H; y++)
        printf("|%.*s|\n", W, fb->pixels[y]);
    putchar('+');
    for (int x = 0; x < W; x++)
        putchar('-');
    printf("+\n");
}

/* Start the writer: this program again, with the two ids. */
static pid_t start_writer(const char *self, int shmid, int semid)
{
    char a[16], b[16];
    snprintf(a, sizeof a, "%d", shmid);
    snprintf(b, sizeof b, "%d", semid);
    char *args[] = { (char *)self, "-w", a, b, NULL };
    pid_t pid;
    int err = posix_spawnp(&pid, self, NULL, NULL, args, environ);
    if (err) {
        errno = err;
        return -1;
    }
    return pid;
}

static int reader(const char *self, int shmid, int semid)
{
    const struct framebuffer *fb = shmat(shmid, NULL, SHM_RDONLY);
    if (fb == (void *)-1)
        die("shmat");
    pid_t pid = start_writer(self, shmid, semid);
    if (pid < 0)
        die("cannot start the writer");
    for (int f = 0; f < FRAMES; f++) {
        sem_step(semid, READY, -1);
        show(fb);
        sem_step(semid, SHOWN, +1);
    }
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
        fprintf(stderr, PROG ": the writer failed\n");
    struct shmid_ds ds;
    if (shmctl(shmid, IPC_STAT, &ds) < 0)
        die("shmctl");
    printf("the writer has gone: a segment of %zu bytes, %llu attachment left\n",
           ds.shm_segsz, (unsigned long long)ds.shm_nattch);
    return shmdt(fb) < 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "-w") == 0)
        return writer(parse_id(argv[2]), parse_id(argv[3]));
    if (argc != 1) {
        fprintf(stderr, "Usage: " PROG "\n       " PROG " -w SHMID SEMID\n");
        return 2;
    }
    int shmid = shmget(IPC_PRIVATE, sizeof(struct framebuffer), 0600);
    if (shmid < 0)
        die("shmget");
    int semid = semget(IPC_PRIVATE, 2, 0600);
    if (semid < 0)
        die("semget");
    union semun arg = { .val = 1 };
    if (semctl(semid, SHOWN, SETVAL, arg) < 0)
        die("semctl");
    int rc = reader(argv[0], shmid, semid);
    if (shmctl(shmid, IPC_RMID, NULL) < 0 || semctl(semid, 0, IPC_RMID) < 0)
        die("cannot remove");
    printf("segment and semaphores removed\n");
    return rc;
}
