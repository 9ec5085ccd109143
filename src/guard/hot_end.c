/* hot_end.c — the end of the guard's hot code (see hot_begin.c).
 *
 * The Makefile links this object right after the loop's code and the
 * live/, util/ and model/ objects it calls, before the code the loop does
 * not run (GUARD_HOT).  guard_settle_resident (resident.c) maps every page
 * from guard_hot_begin to here, so the decision and kill path is resident
 * and, after mlockall, locked, although the warm-up ran only part of it.
 * The function itself is never called. */
#include "guard/guard.h"

__attribute__((used)) void guard_hot_end(void)
{
}
