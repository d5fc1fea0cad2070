/* After fork, parent and child have separate copies of every variable:
 * global, local and on the heap. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int global = 10;

int main(void)
{
    int local = 20;
    int *heap = malloc(sizeof *heap);
    *heap = 30;

    pid_t pid = fork();
    if (pid == 0) {
        global++;
        local++;
        (*heap)++;
        printf("child:  global=%d local=%d heap=%d\n", global, local, *heap);
        return 0;
    }
    waitpid(pid, NULL, 0);
    printf("parent: global=%d local=%d heap=%d\n", global, local, *heap);
    free(heap);
    return 0;
}
