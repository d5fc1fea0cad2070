/*
 * sh.h - what the files of Duplex's shell share.
 *
 * The shell reads a command (input.c, edit.c), cuts it into tokens
 * (lex.c), builds a tree of nodes (parse.c, parse_compound.c, node.c), and
 * runs the tree (exec.c, pipeline.c, command.c): words are expanded
 * (expand.c, brace.c, param.c, arith.c, glob.c, braces.c), redirections
 * applied (redir.c), programs found and started with posix_spawn
 * (spawn.c), and the processes they become tracked as jobs (jobs.c).
 * Builtins (builtins.c, bi_*.c, options.c, jobs.c, trap.c) run inside the
 * shell.
 *
 * Duplex has no fork(), which shapes the design: everything that a Unix
 * shell runs in a forked copy of itself - ( ... ), $(...), each stage of a
 * pipeline, a command in the background - runs here in a new shell
 * process that is handed a copy of this one's whole state (state.c), so
 * nothing it does reaches the shell, as POSIX wants.
 */
#ifndef DUPLEX_SH_H
#define DUPLEX_SH_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <termios.h>

/* ---- util.c: memory, growing strings and word lists, messages ----------- */

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

struct strbuf {
    char  *s;           /* NUL-terminated once anything was added */
    size_t len, cap;
};
void  sb_addc(struct strbuf *b, char c);
void  sb_addn(struct strbuf *b, const char *s, size_t n);
void  sb_adds(struct strbuf *b, const char *s);
char *sb_take(struct strbuf *b);          /* the string ("" if empty); b is reset */
void  sb_free(struct strbuf *b);

struct wordlist {
    char **v;           /* NULL-terminated once anything was added */
    int    n, cap;
};
void wl_add(struct wordlist *w, char *s);  /* takes ownership of s */
void wl_free(struct wordlist *w);
void wl_sort(struct wordlist *w, int from);
void strv_free(char **v);                 /* a NULL-terminated array and its strings */

void sh_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
bool is_name(const char *s, size_t n);    /* a valid variable name? */
bool parse_int(const char *s, long *out);
char *shell_quote(const char *s);         /* 'single-quoted', safe to re-read */
char *shell_quote_if_needed(const char *s);
char *shell_quote_line(const char *s);    /* the same on one line: $'..' */
/* An error that ends a non-interactive shell (POSIX 2.8.1): the message,
 * then $? = status and, in a script, the shell exits. */
void sh_fatal(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A special builtin's own failure (shift too far, a . file not found):
 * sh_fatal(2) in sh; bash outside posix mode only fails the command, with
 * status 1. Returns the status. */
int special_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int special_failure(void);                /* the same, its message written */
void fatal_status(int status);            /* sh_fatal, its message written */

typedef int (*builtin_fn)(char **argv);

/* ---- the shell's state ---------------------------------------------------- */

/* Functions and `.` files calling each other, at most. */
#define NESTING_MAX 200

/* What unwinds the running commands: break/continue/return/exit, or ^C
 * ending a foreground job of an interactive shell. */
enum control { CTL_NONE, CTL_BREAK, CTL_CONTINUE, CTL_RETURN, CTL_EXIT, CTL_INTERRUPT };

struct shell {
    bool   interactive;     /* reading commands from a terminal */
    bool   subshell;        /* a copy of another shell (state.c) */
    bool   exec_last;       /* its one command, if a program, replaces it */
    bool   job_control;     /* jobs get process groups and the terminal */
    int    tty;             /* the terminal, or -1 */
    pid_t  pgid;            /* the shell's own process group */
    struct termios tmodes;  /* the terminal's modes for running commands */
    pid_t  pid;             /* $$ */
    int    status;          /* $? */
    pid_t  last_bg;         /* $!, 0 before the first & */
    char  *arg0;            /* $0 */
    char **argv;            /* $1 ... */
    int    argc;
    char  *self;            /* how to start another copy of this shell */
    bool   bash;            /* started as `bash`: bash's echo (main.c) */
    /* options (options.c) */
    bool   errexit, xtrace, noglob, nounset, allexport, noclobber, noexec,
           verbose, ignoreeof, monitor, notify, vi, emacs, posix,
           stdin_opt, hashall;
    int    lineno;          /* $LINENO: the line of the command running */
    pid_t  ppid;            /* $PPID */
    int    cond_depth;      /* inside an if/while condition, left of && || */
    int    loop_depth, func_depth, source_depth;
    enum control control;   /* pending unwinding, and how far: */
    int    control_count;   /* loops left to break out of */
    int    exit_status;     /* with CTL_EXIT: the status to exit with */
    bool   cmdsub_ran;      /* a $(...) ran during the last expansion */
    int    cmdsub_status;
    pid_t  stage_pgid;      /* the job whose in-shell stage is running */
    bool   errors_demoted;  /* a special builtin runs through `command`: its
                               errors do not end the shell (sh_fatal) */
    sigset_t reset_in_child;  /* signals the shell ignores and children must not */
};
extern struct shell sh;

/* Started as bash and not in posix mode: bash's rules where they differ
 * from dash's on what POSIX allows (`a &>b` is `a & >b` in sh). */
static inline bool bash_rules(void)
{
    return sh.bash && !sh.posix;
}

/* ---- lex.c: tokens -------------------------------------------------------- */

enum tok {
    T_WORD, T_NEWLINE, T_EOF, T_SEMI, T_DSEMI, T_AMP, T_AND, T_PIPE, T_OR,
    T_LPAREN, T_RPAREN, T_REDIR,
    T_INCOMPLETE,           /* the input ended inside a quote or $( */
    T_SEMIAND, T_DSEMIAND   /* bash's ;& and ;;& ending a case item */
};

enum redir_op {
    R_IN, R_OUT, R_APPEND, R_CLOBBER, R_RDWR, R_DUPIN, R_DUPOUT,
    R_HEREDOC, R_HEREDOC_TAB, R_HERESTRING,
    R_OUTERR, R_APPENDERR   /* bash's &> and &>>: stdout and stderr */
};

struct redir {
    struct redir *next;
    int    fd;              /* the descriptor redirected */
    enum redir_op op;
    char  *target;          /* raw word: file, fd, or here-document delimiter */
    char  *body;            /* here-document text, NULL until read */
    bool   quoted;          /* here-document delimiter was quoted: no expansion */
    char  *fd_var;          /* bash's {name}<file: the shell picks the fd */
};

struct lexer {
    const char *src;
    size_t len, pos;
    int    lineno;
    struct redir *heredocs[16];   /* here-documents whose text comes next */
    int    nheredocs;
};

struct token {
    enum tok type;
    char  *word;            /* T_WORD: raw text, owned by the token */
    enum redir_op op;       /* T_REDIR */
    int    fd;              /* T_REDIR: the descriptor, or -1 for the default */
    size_t start, end;      /* where it was in the source */
    int    lineno;          /* the line it starts on */
};

enum tok lex_next(struct lexer *lx, struct token *t);
bool     lex_heredoc_bodies(struct lexer *lx);   /* false: incomplete */
/* Matching-close scanners shared with the expander: each takes the index
 * just past the opening character(s) and returns the index just past the
 * closing one, or -1 if the text ends first. */
long skip_squote(const char *s, size_t len, size_t i);
long skip_dquote(const char *s, size_t len, size_t i);
long skip_bquote(const char *s, size_t len, size_t i);
long skip_paren(const char *s, size_t len, size_t i);
long skip_brace(const char *s, size_t len, size_t i, bool dq);
long skip_dollar(const char *s, size_t len, size_t i);  /* i at the '$' */
long skip_dollar_in(const char *s, size_t len, size_t i, bool dq);

/* ---- node.c, parse.c: the command tree ------------------------------------ */

enum node_type {
    N_SIMPLE, N_PIPELINE, N_AND, N_OR, N_LIST, N_IF, N_WHILE, N_UNTIL,
    N_FOR, N_CASE, N_BRACE, N_SUBSHELL, N_FUNCDEF,
    N_DBRACKET, N_ARITH, N_ARITH_FOR         /* bash: [[ ]], (( )), for (( )) */
};

struct case_item {
    struct case_item *next;
    struct wordlist patterns;   /* raw words */
    struct node *body;          /* may be NULL */
    enum tok end;               /* T_DSEMI, or bash's T_SEMIAND (;& runs the
                                   next body too), T_DSEMIAND (;;& tries on) */
};

struct node {
    enum node_type type;
    int    refs;            /* function bodies outlive the line they came in */
    char  *text;            /* source text, for jobs */
    int    lineno;          /* $LINENO where it starts */
    struct redir *redirs;   /* simple and compound commands */
    union {
        struct { struct wordlist assigns, words; } simple;
        struct { struct node **cmds; int n; bool negate, timed; } pipe;
        struct { struct node *left, *right; } andor;
        struct { struct node **items; bool *bg; int n; } list;
        struct { struct node *cond, *then, *els; } if_;
        struct { struct node *cond, *body; } loop;
        struct { char *var; struct wordlist words; bool has_in; struct node *body; } for_;
        struct { char *word; struct case_item *items; } case_;
        struct { struct node *body; } group;
        struct { char *name; struct node *body; } func;
        struct { struct wordlist words; } cond;              /* [[ ]] */
        struct { char *expr; } arith;                        /* (( )) */
        struct { char *init, *test, *step; struct node *body; } afor;
    };
};

struct node *node_new(enum node_type type);
void node_ref(struct node *n);
void node_free(struct node *n);   /* drops one reference */
void redir_free(struct redir *r);

enum parse_result { PARSE_OK, PARSE_INCOMPLETE, PARSE_ERROR };
/* Parse one complete command (a list ending at a newline) of src starting
 * at *pos. PARSE_OK with *out NULL: nothing but blank lines and comments. */
enum parse_result parse_command(const char *src, size_t len, size_t *pos,
                                int *lineno, struct node **out);

/* ---- vars.c: variables, the environment, positional parameters ------------ */

enum { V_EXPORT = 1, V_READONLY = 2 };
const char *var_get(const char *name);      /* NULL: unset */
bool  var_set(const char *name, const char *value, int flags);  /* false: read-only */
bool  var_unset(const char *name);          /* false: read-only */
void  var_add_flags(const char *name, int flags);
void  var_clear_flags(const char *name, int flags);
int   var_flags(const char *name);
bool  var_is_exported(const char *name);
void  vars_import(char **env);
char **vars_environ(struct wordlist *extra);   /* free with strv_free */
void  vars_print(int flags, const char *prefix);
void  vars_push_frame(void);                /* a function call's locals */
void  vars_pop_frame(void);
bool  vars_in_function(void);
void  var_make_local(const char *name);
void  vars_serialize(struct strbuf *out);
void  var_restore_exact(const char *name, const char *value, int flags);
void  vars_dynamic_off(bool lineno, bool random);
void  vars_start_clock(void);
void  vars_named(const char *prefix, struct wordlist *out);   /* ${!prefix*} */                  /* SECONDS counts from now */
void  vars_free_all(void);

void positional_set(char **args, int n);   /* copies */
void positional_free(char **args, int n);

/* ---- expand.c, param.c, arith.c, glob.c: words ----------------------------- */

/* Fields: word splitting and pathname expansion. -1: an expansion error
 * (already reported). */
int   expand_words(char **raw, int n, struct wordlist *out);
char *expand_word(const char *raw);            /* one string, no splitting */
char *expand_assignment(const char *raw);      /* the same, ~ after each : */
char *expand_pattern(const char *raw);         /* quoted characters escaped */
char *expand_heredoc(const char *body);
char *command_output(const char *text);        /* $(...), pipeline.c */
char *process_substitution(const char *text, bool reading);   /* <(...) >(...) */
void  process_subs_enter(void);
void  process_subs_leave(bool release);
bool  brace_expand(const char *raw, struct wordlist *out);   /* braces.c */

size_t param_name_length(const char *s, size_t n);
char *param_lookup(const char *s, size_t n);   /* NULL: unset */
char *positional_star(void);                   /* "$*" */
char *str_trim(char *value, const char *pat, bool suffix, bool longest);
char *str_replace(char *value, const char *pat, const char *rep, char mode);
char *str_case(char *value, const char *pat, bool upper, bool all);
bool  str_substr(char **value, long long off, bool has_len, long long len);
bool  arith_eval(const char *expr, long long *out);
/* A C escape at s[i] ('\\'): its bytes added to b; the index past it. */
size_t c_escape(const char *s, size_t len, size_t i, struct strbuf *b);

bool pattern_match(const char *pat, const char *s);
int  glob_expand(const char *pat, struct wordlist *out);  /* matches added */

/* ---- redir.c: redirections -------------------------------------------------- */

/* A redirection with its word expanded, ready to apply. */
struct xredir {
    int    fd;
    enum redir_op op;
    char  *path;            /* a file; for here-documents a temporary one */
    int    src_fd;          /* R_DUPIN/R_DUPOUT: the fd to copy, -1: close */
    bool   move;            /* N>&M-: M is closed once copied */
    bool   unlink_after;    /* a here-document's temporary file */
};
struct xredirs {
    struct xredir *v;
    int n;
};
bool redirs_expand(struct redir *r, struct xredirs *out);
void xredirs_free(struct xredirs *x);

/* Descriptors saved while a builtin or compound command runs with its
 * redirections in the shell itself. */
struct saved_fds {
    int fd[16], copy[16];
    int n;
};
bool redirs_apply(const struct xredirs *x, struct saved_fds *sv);  /* sv NULL: for good */
void fds_save(struct saved_fds *sv, int fd);
void fds_restore(struct saved_fds *sv);
bool redirs_check(const struct xredirs *x);    /* report what a spawn would fail on */
int  redir_open_flags(enum redir_op op);

/* ---- spawn.c: finding and starting programs ------------------------------- */

enum found { FOUND_NONE, FOUND_FILE, FOUND_NOEXEC, FOUND_DIR };
/* where the standard utilities are: PATH when unset, and `command -p` */
#define DEFAULT_PATH "/bin:/usr/bin"
enum found path_search(const char *name, char **path);
enum found path_search_in(const char *name, const char *dirs, char **path);
struct spawn_spec {
    const char *path;       /* set by spawn_subshell */
    char **argv, **envp;
    const struct xredirs *redirs;
    int   in_fd, out_fd;        /* pipe ends to put on 0 and 1, or -1 */
    int   close_fd;             /* the other end of the output pipe, or -1 */
    pid_t pgroup;               /* -1: the shell's group, 0: a new one */
    bool  async_no_jc;          /* background without job control */
};
pid_t spawn_program(const struct spawn_spec *sp, int *err);
int   spawn_process(pid_t *pid, const struct spawn_spec *sp, const char *path, char **argv);
const char *exec_strerror(const char *path, int err);
void  script_command(const char *path, char *const *args, struct wordlist *out);
const char *hash_lookup(const char *name);
void  hash_remember(const char *name, const char *path);

/* ---- state.c, unparse.c: sub-shells ---------------------------------------- */

/* Run text (from line lineno) in a new shell that has this one's state. */
pid_t spawn_subshell(const char *text, int lineno, struct spawn_spec *sp, int *err);
int   subshell_main(const char *script, const char *text, int fd);
int   bi_state(char **argv);
void  unparse(struct strbuf *out, const struct node *n);
void  unparse_function(struct strbuf *out, const char *name, const struct node *body);
void  aliases_restore(const char *name, const char *value);
bool  is_keyword(const char *s);
void  pwd_init(void);

/* ---- exec.c, pipeline.c: running the tree --------------------------------- */

int  exec_node(struct node *n);             /* sets $? */
int  exec_compound(struct node *n);         /* if, while, ... without redirections */
void function_define(const char *name, struct node *body, const char *text);
bool function_unset(const char *name);
struct node *function_find(const char *name);
int  function_call(struct node *body, char **argv, int argc, const struct wordlist *assigns);
void functions_serialize(struct strbuf *out);
void functions_free_all(void);

/* A simple command or a stage of a pipeline, ready to run (command.c). */
enum stage_kind {
    ST_PROGRAM, ST_BUILTIN, ST_FUNCTION, ST_ASSIGN, ST_COMPOUND, ST_SUBSHELL, ST_FAILED
};
struct stage {
    struct node *node;
    enum stage_kind kind;
    struct wordlist argv, assigns;  /* expanded; assigns as NAME=value */
    struct xredirs redirs;
    char  *path;                    /* ST_PROGRAM */
    builtin_fn builtin;
    bool   special;                 /* a special builtin, not through `command` */
    bool   demoted;                 /* a special builtin through `command` */
    bool   default_path;            /* `command -p`: looked for in DEFAULT_PATH */
    struct node *func;
    char  *text;                    /* ST_SUBSHELL: what the sub-shell runs */
    bool   frame;                   /* temporary assignments: a frame to pop */
    char **envp;                    /* a stage's environment, made when prepared */
    int    status;                  /* of a stage that did not spawn */
    char  *error;                   /* why it could not: said where its stderr goes */
    pid_t  pid;
};
void prepare_simple(struct stage *st, struct node *n);
void find_command(struct stage *st);
void stage_fail(struct stage *st, int status, const char *why);
int  run_in_shell(struct stage *st);
int  redirect_fatal(void);

struct pipeline_opts {
    bool background;
    int  capture_fd;            /* -1, or where the output of $(...) goes */
    struct job **job_out;       /* with capture_fd: the job, not waited for */
};
int run_pipeline(struct node **cmds, int n, const char *text, const struct pipeline_opts *o);

/* ---- jobs.c: jobs and their processes --------------------------------------- */

enum pstate { PS_RUNNING, PS_STOPPED, PS_DONE };

struct job {
    int    id;              /* 0 while in the foreground and never stopped */
    pid_t  pgid;            /* its own group, or 0 without job control */
    int    n;
    pid_t *pids;
    int   *status;
    enum pstate *state;
    char  *text;
    bool   notified;        /* its last change was reported */
    bool   nested;          /* joined the group of an enclosing job */
    bool   has_tmodes;
    struct termios tmodes;  /* the terminal modes it stopped with */
    unsigned seq;           /* recency: the highest is the current job (+) */
    struct job *next;
};

struct job *job_new(const char *text, pid_t pgid);
void job_add(struct job *j, pid_t pid);
int  job_wait_fg(struct job *j, bool *stopped);  /* its status, 128+sig if killed */
void job_background(struct job *j);
void job_abandon(struct job *j);
void job_forget(struct job *j);
void jobs_reap(void);
void jobs_notify(void);
void jobs_free_all(void);
int  status_of(int wstatus);
const char *signal_text(int sig);           /* "Killed" */
const char *signal_name(int sig);           /* "KILL" */
int  signal_number(const char *s);          /* "KILL", "SIGKILL", "9" -> 9 */

int bi_jobs(char **argv);
int bi_fg(char **argv);
int bi_bg(char **argv);
int bi_wait(char **argv);
int bi_kill(char **argv);

/* ---- builtins.c ---------------------------------------------------------------- */

enum { BI_SPECIAL = 1, BI_BASH = 2 };
struct builtin {
    const char *name;
    builtin_fn  fn;
    int         flags;
    const char *usage;
};
const struct builtin *builtin_lookup(const char *name);
builtin_fn builtin_find(const char *name);
const char *builtin_name(int i);        /* i-th name, NULL after the last */
bool builtin_number(const char *who, const char *s, long *n, long min);

/* bi_vars.c */
int bi_export(char **argv);
int bi_readonly(char **argv);
int bi_unset(char **argv);
int bi_local(char **argv);
int bi_shift(char **argv);
int bi_getopts(char **argv);
int bi_read(char **argv);
int bi_let(char **argv);
void getopts_reset(void);
/* bi_cmd.c */
int bi_command(char **argv);
int bi_builtin(char **argv);
int bi_type(char **argv);
int bi_hash(char **argv);
int bi_alias(char **argv);
int bi_unalias(char **argv);
int bi_cd(char **argv);
int bi_pwd(char **argv);
int bi_umask(char **argv);
int bi_ulimit(char **argv);
int bi_times(char **argv);
const char *alias_get(const char *name);
void aliases_serialize(struct strbuf *out);
void aliases_free_all(void);
void hash_forget(void);
void hash_serialize(struct strbuf *out);
/* bi_echo.c */
int bi_echo(char **argv);
int bi_printf(char **argv);
/* bi_test.c */
int bi_test(char **argv);
int test_eval(char **args, int n, bool dbracket);   /* 0 true, 1 false, 2 error */
/* edit.c */
int bi_history(char **argv);

/* ---- options.c ------------------------------------------------------------------ */
bool  set_option_letter(char c, bool on);
bool  set_option_name(const char *name, bool on);
char *option_flags(void);                   /* $- */
void  options_print(bool as_commands);
void  options_serialize(struct strbuf *out);
int   bi_set(char **argv);

/* ---- input.c, main.c: where commands come from ----------------------------- */

struct source;
struct source *source_string(const char *s);
struct source *source_fd(int fd, bool own);
struct source *source_terminal(void);
void source_free(struct source *src);
int  run_source(struct source *src);        /* read and run it all */
int  run_source_at(struct source *src, int lineno);
int  run_string(const char *text);
void shell_exit(int status) __attribute__((noreturn));
bool interrupt_pending(void);               /* ^C reached the shell; clears it */
bool interrupt_seen(void);                  /* the same, leaving it set */
void shell_on_interrupt(int sig);
void catch_window_changes(void);            /* SIGWINCH: noted, no SA_RESTART */
void shell_on_winch(int sig);               /* ... by this handler */
bool window_changed(void);                  /* a SIGWINCH came; clears it */
void window_size_check(void);               /* COLUMNS and LINES follow the tty */

/* ---- trap.c ------------------------------------------------------------------ */

int  bi_trap(char **argv);
void traps_run(void);                       /* the actions of signals that came */
void trap_exit(void);
void traps_free_all(void);
void traps_serialize(struct strbuf *out);
void trap_inherit(int sig, const char *action);
void traps_init(void);                      /* which signals were ignored at start */

/* ---- edit.c, complete.c: the line editor ------------------------------------- */

enum edit_result { EDIT_LINE, EDIT_EOF, EDIT_INTERRUPT };
enum edit_result edit_line(int fd, const char *prompt, char **line);
void history_add(const char *line);           /* history.c */
void history_free(void);
int  history_count(void);
const char *history_at(int i);
int  history_search(const char *text, int from);
/* The choices for the word of `line` that ends at `end` (and starts at
 * *word_start), sorted, as they are to be typed. */
void complete_word(const char *line, size_t end, size_t *word_start,
                   struct wordlist *out);

#endif
