/*
 * prompt.c — line editing through libedit's readline interface, with
 * completion from registered names, and editing a text in $EDITOR.
 */
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <editline/readline.h>

#include "jianyi.h"
#include "lazy.h"
#include "prompt.h"
#include "text.h"

#ifndef EDIT_SONAME
#define EDIT_SONAME "libedit.so"
#endif

/* libedit is loaded at the first prompt (lazy.h); without it, a line is
 * read as it is typed, with no editing. */
static struct {
	__typeof__(readline)                        *readline;
	__typeof__(add_history)                     *add_history;
	__typeof__(rl_outstream)                    *outstream;
	__typeof__(rl_completion_entry_function)    *entry_function;
	__typeof__(rl_completion_append_character)  *append_character;
} ed;

static int
load_libedit(void)
{
	static int state; /* 0 not tried, 1 loaded, -1 not available */
	void *h;

	if (state != 0)
		return state;
	state = -1;
	if ((h = lazy_open(EDIT_SONAME, _("Line editing"))) == NULL)
		return state;
	if ((*(void **)&ed.readline = lazy_sym(h, EDIT_SONAME,
	    "readline")) == NULL ||
	    (*(void **)&ed.add_history = lazy_sym(h, EDIT_SONAME,
	    "add_history")) == NULL ||
	    (ed.outstream = lazy_sym(h, EDIT_SONAME, "rl_outstream")) == NULL ||
	    (ed.entry_function = lazy_sym(h, EDIT_SONAME,
	    "rl_completion_entry_function")) == NULL ||
	    (ed.append_character = lazy_sym(h, EDIT_SONAME,
	    "rl_completion_append_character")) == NULL)
		return state;
	return state = 1;
}

/* A line typed without editing: the prompt on stderr, as libedit does. */
static char *
plain_readline(const char *prompt)
{
	char *line = NULL;
	size_t n = 0;

	fputs(prompt, stderr);
	fflush(stderr);
	if (getline(&line, &n, stdin) == -1) {
		free(line);
		return NULL;
	}
	return line;
}

static const char *const *complete_names;
static int                ncomplete_names;

/* libedit calls this with state 0 first, then 1, 2, … until NULL. */
static char *
next_name(const char *text, int state)
{
	static int i;
	size_t len = strlen(text);

	if (state == 0)
		i = 0;
	while (i < ncomplete_names) {
		const char *n = complete_names[i++];

		if (strncmp(n, text, len) == 0) {
			char *p = strdup(n);

			if (p == NULL)
				xnomem();
			return p;
		}
	}
	return NULL;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		*--e = '\0';
	return s;
}

char *
prompt_line(const char *label, const char *const *names, int nnames)
{
	char *line, *t, *out, *prompt;

	complete_names = names;
	ncomplete_names = nnames;
	/* "title: ", and in Chinese "标题：" with its full-width colon. */
	prompt = text_printf(_("%s: "), label);
	if (load_libedit() == 1) {
		*ed.outstream = stderr; /* stdout carries only the answer */
		*ed.entry_function = next_name;
		*ed.append_character = '\0';
		line = ed.readline(prompt);
	} else
		line = plain_readline(prompt);
	free(prompt);
	if (line == NULL)
		return NULL;
	t = trim(line);
	if (*t != '\0' && ed.add_history != NULL)
		ed.add_history(t);
	/* An answer enters as a command-line value does: normalised. */
	out = text_norm(t, strlen(t), NULL);
	free(line);
	return out;
}

/* Runs the editor on path through the shell, so that EDITOR="code -w"
 * works; 0 or -1 after a message. */
static int
run_editor(const char *path)
{
	const char *editor = getenv("VISUAL");
	pid_t pid;
	int status;

	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	if ((pid = fork()) == -1) {
		warn("fork");
		return -1;
	}
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "$JIANYI_EDITOR \"$1\"", "sh",
		    path, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			warn("waitpid");
			return -1;
		}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		warnx(_("the editor '%s' failed; nothing was saved"), editor);
		return -1;
	}
	return 0;
}

char *
prompt_editor(const char *hint)
{
	char path[4096], *buf = NULL, *line = NULL;
	const char *editor, *tmp = getenv("TMPDIR");
	size_t cap = 0, len = 0, n = 0;
	ssize_t got;
	FILE *fp;
	int fd;

	snprintf(path, sizeof path, "%s/jianyi-XXXXXX.txt",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if ((fd = mkstemps(path, 4)) == -1) {
		warn("%s", path);
		return NULL;
	}
	if ((fp = fdopen(fd, "w+")) == NULL) {
		warn("%s", path);
		close(fd);
		unlink(path);
		return NULL;
	}
	fprintf(fp, "\n# %s\n", hint);
	fflush(fp);
	editor = getenv("VISUAL");
	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	setenv("JIANYI_EDITOR", editor && *editor ? editor : "vi", 1);
	if (run_editor(path) == -1)
		goto fail;
	/* The editor may have replaced the file: read it by name. */
	fclose(fp);
	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		unlink(path);
		return NULL;
	}
	while ((got = getline(&line, &n, fp)) != -1) {
		if (line[0] == '#')
			continue;
		if (got >= 2 && line[got - 2] == '\r') {
			line[got - 2] = '\n';
			line[--got] = '\0';
		}
		if (len + got + 1 > cap) {
			cap = (len + got + 1) * 2;
			if ((buf = realloc(buf, cap)) == NULL)
				xnomem();
		}
		memcpy(buf + len, line, got);
		len += got;
	}
	free(line);
	fclose(fp);
	unlink(path);
	if (buf == NULL && (buf = calloc(1, 1)) == NULL)
		xnomem();
	buf[len] = '\0';
	/* A NUL byte would end the text there: it becomes DEL, which
	 * arg_text refuses as a control character (as arg_read_stdin). */
	for (n = 0; n < len; n++)
		if (buf[n] == '\0')
			buf[n] = 0x7f;
	/* No blank lines before or after; CRLF as LF. */
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r' ||
	    buf[len - 1] == ' '))
		buf[--len] = '\0';
	n = strspn(buf, "\r\n");
	memmove(buf, buf + n, len - n + 1);
	return buf;
fail:
	fclose(fp);
	unlink(path);
	return NULL;
}
