/* hot_begin.c — the start of the guard's hot code.
 *
 * The kernel maps file pages 64 KiB at a time around a fault (mm/memory.c,
 * do_fault_around), so the guard's resident code is every 64 KiB window
 * its loop and a decision touch.  The Makefile links this object first of
 * that code (GUARD_HOT), and its alignment starts the code on a window of
 * its own; with -fno-plt no call goes through the PLT at the other end of
 * the text.  The function itself is never called. */
#include "guard/guard.h"

__attribute__((aligned(65536), used)) void guard_hot_begin(void)
{
}
