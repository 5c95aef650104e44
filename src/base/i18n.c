/*
 * i18n.c — chooses the interface language and finds the message catalog.
 * Chinese when JIANYI_LANG=zh or the locale is zh_*, English otherwise;
 * this works where the zh_CN.UTF-8 locale is not generated, and from the
 * build tree as well as from an installed copy.
 */
#include <sys/stat.h>

#include <libgen.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"

static int chinese;

/* The locale setting that decides the messages' language, as POSIX says. */
static const char *
messages_locale(void)
{
	const char *v;

	if ((v = getenv("LC_ALL")) != NULL && *v != '\0')
		return v;
	if ((v = getenv("LC_MESSAGES")) != NULL && *v != '\0')
		return v;
	if ((v = getenv("LANG")) != NULL && *v != '\0')
		return v;
	return "";
}

/* The build tree's catalogs, if the running binary is in one: ./jianyi
 * beside build/locale, or build/san/jianyi below it. */
static const char *
build_tree_catalogs(void)
{
	static const char *const rel[] = { "build/locale", "../locale" };
	static char dir[PATH_MAX];
	char exe[PATH_MAX], probe[PATH_MAX + 64], *d;
	ssize_t n;
	struct stat sb;
	size_t i;

	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return NULL;
	exe[n] = '\0';
	d = dirname(exe);
	for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
		snprintf(dir, sizeof dir, "%s/%s", d, rel[i]);
		snprintf(probe, sizeof probe, "%s/zh_CN/LC_MESSAGES/jianyi.mo",
		    dir);
		if (stat(probe, &sb) == 0)
			return dir;
	}
	return NULL;
}

void
i18n_init(void)
{
	const char *want = getenv("JIANYI_LANG"), *dir;

	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	if (want != NULL && *want != '\0')
		chinese = strncmp(want, "zh", 2) == 0;
	else
		chinese = strncmp(messages_locale(), "zh", 2) == 0;
	/*
	 * gettext ignores LANGUAGE in the C locale; C.UTF-8 is always there
	 * and lets LANGUAGE choose the catalog when zh_CN.UTF-8 is not.
	 */
	if (chinese) {
		const char *cur = setlocale(LC_MESSAGES, NULL);

		if (cur == NULL || strcmp(cur, "C") == 0 ||
		    strcmp(cur, "POSIX") == 0)
			setlocale(LC_MESSAGES, "C.UTF-8");
		setenv("LANGUAGE", "zh_CN", 1);
	} else
		setenv("LANGUAGE", "en", 1);
	if ((dir = getenv("JIANYI_LOCALEDIR")) == NULL || *dir == '\0')
		if ((dir = build_tree_catalogs()) == NULL)
			dir = LOCALEDIR;
	bindtextdomain("jianyi", dir);
	bind_textdomain_codeset("jianyi", "UTF-8");
	textdomain("jianyi");
}

int
i18n_chinese(void)
{
	return chinese;
}
