/* arch.h — what one line of a report says of the machine's architecture
 * beyond the stack-frame forms parse.c reads itself (stack_line_arch_w):
 * the platform of a "Hardware name:" line and the symbols only x86's own
 * entry and fault code has.  Pure: text in, a cue out. */
#ifndef OOMKIT_REPORT_ARCH_H
#define OOMKIT_REPORT_ARCH_H

#include <stdbool.h>
#include <stddef.h>

enum arch_cue {
	ARCH_CUE_NONE = 0,
	ARCH_CUE_X86,       /* x86, 32 or 64 bit undecided (parse_finish.c decides) */
	ARCH_CUE_X86_64,    /* x86 and 64-bit by itself */
	ARCH_CUE_I686,      /* x86 and 32-bit by itself */
	ARCH_CUE_AARCH64,   /* 64-bit ARM by itself */
	ARCH_CUE_PARISC,    /* HP PA-RISC (its 32- and 64-bit kernels are one arch, "parisc") */
};

/* The cue of one line (leading blanks already stripped), ARCH_CUE_NONE for none. */
enum arch_cue report_arch_cue(const char *s, size_t n);

/* The arch a register dump line names by its registers' names and width
 * (each arch's show_regs), NULL for none. */
const char *report_reg_arch(const char *s, size_t n);

/* Whether a "Hardware name:" value (after "Hardware name: ") names a
 * desktop's or laptop's firmware, not a server's or a guest's. */
bool report_hw_desktop(const char *s, size_t n);

#endif
