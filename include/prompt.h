/*
 * prompt.h — asking at a terminal: a line with editing that handles
 * Chinese input (libedit), completing from a list of names, and a longer
 * text in $EDITOR, as git commit does.
 */
#ifndef JIANYI_PROMPT_H
#define JIANYI_PROMPT_H

/*
 * Asks for one line after the prompt "label: " ("label：" in Chinese),
 * offering names[0..nnames) on Tab. Returns the line normalised as a
 * command-line value is (text_norm: no surrounding blanks; caller frees;
 * "" when left empty), or NULL at end of input (Ctrl-D).
 */
char *prompt_line(const char *label, const char *const *names, int nnames);

/*
 * Opens $VISUAL or $EDITOR (else vi) on a temporary file holding the
 * comment hint, and returns what was written, less lines starting with
 * '#' and surrounding blank lines (caller frees). NULL after a message
 * when the editor fails.
 */
char *prompt_editor(const char *hint);

#endif
