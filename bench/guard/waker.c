/* waker.c — the floor of an idle daemon's cost: a process that does
 * nothing but wake once every N ms (poll with no fds), for bench/guard/run.sh
 * to measure beside the guard.  Whatever it costs a minute is what this
 * machine charges for the wakeups themselves. */
#include <poll.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	int ms = argc > 1 ? atoi(argv[1]) : 60000;
	for (;;)
		poll(NULL, 0, ms);
}
