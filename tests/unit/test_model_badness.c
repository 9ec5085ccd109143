/* test_model_badness.c — oom_badness() per era, totalpages, the ranking against
 * the kernel's own choice in real reports, and the live oom_score. */
#include <errno.h>
#include <unistd.h>

#include "check.h"
#include "model/event.h"
#include "model/kernel.h"
#include "model/snapshot.h"

struct row {
	int64_t pid, uid, tgid, total_vm, rss, pt, swapents, adj;
	const char *comm;
};

/* tests/corpus/S01 (RHEL 7, 3.10.0-514): nr_ptes in the pt column. */
static const struct row s01_rows[] = {
	{ 390, 0, 390, 39012, 6739, 78, 51, 0, "systemd-journal" },
	{ 433, 0, 433, 11104, 2, 22, 360, -1000, "systemd-udevd" },
	{ 530, 0, 530, 13854, 28, 27, 83, -1000, "auditd" },
	{ 559, 0, 559, 7692, 65, 19, 87, 0, "systemd-logind" },
	{ 563, 0, 563, 4817, 41, 14, 36, 0, "irqbalance" },
	{ 569, 87, 569, 7684, 52, 20, 48, -900, "dbus-daemon" },
	{ 587, 32, 587, 16240, 17, 34, 116, 0, "rpcbind" },
	{ 647, 0, 647, 50303, 11, 36, 113, 0, "gssproxy" },
	{ 796, 0, 796, 193856, 2897, 207, 112, 0, "rsyslogd" },
	{ 818, 0, 818, 13177, 0, 27, 146, 0, "vsftpd" },
	{ 840, 0, 840, 62892, 9, 36, 103, 0, "ypbind" },
	{ 868, 0, 868, 21663, 28, 43, 191, -1000, "sshd" },
	{ 871, 29, 871, 11126, 2, 25, 222, 0, "rpc.statd" },
	{ 907, 0, 907, 8044, 4, 21, 53, 0, "atd" },
	{ 916, 0, 916, 27509, 2, 10, 30, 0, "agetty" },
	{ 934, 0, 934, 27509, 2, 10, 31, 0, "agetty" },
	{ 1255, 0, 1255, 45716, 1, 39, 337, 0, "rscd" },
	{ 1268, 0, 1268, 45746, 28, 38, 353, 0, "rscd" },
	{ 1269, 0, 1269, 45716, 29, 38, 311, 0, "rscd" },
	{ 1285, 0, 1285, 23290, 25, 45, 235, 0, "master" },
	{ 1287, 89, 1287, 23379, 52, 47, 242, 0, "qmgr" },
	{ 1830, 0, 1830, 446643, 959, 68, 1234, 0, "ovcd" },
	{ 2062, 0, 2062, 144894, 511, 37, 309, 0, "ovbbccb" },
	{ 2121, 0, 2121, 33138, 26, 19, 138, 0, "crond" },
	{ 2136, 38, 2136, 7846, 40, 19, 88, 0, "ntpd" },
	{ 2451, 0, 2451, 177827, 0, 36, 816, 0, "ovconfd" },
	{ 8145, 0, 8145, 300303, 1616, 58, 692, 0, "hpsensor" },
	{ 8204, 0, 8204, 31508, 119, 31, 328, 0, "opcmsgi" },
	{ 8405, 0, 8405, 201479, 1289, 49, 244, 0, "opcmsga" },
	{ 8472, 0, 8472, 134080, 236, 46, 514, 0, "opcmona" },
	{ 8596, 0, 8596, 31377, 172, 29, 301, 0, "opcle" },
	{ 8658, 0, 8658, 81199, 124, 34, 336, 0, "opcacta" },
	{ 8685, 0, 8685, 137169, 23313, 97, 3256, 0, "oacore" },
	{ 6330, 12345, 6330, 7520, 15, 18, 61, 0, "rotatelogs" },
	{ 6331, 12345, 6331, 28318, 0, 12, 83, 0, "run.sh" },
	{ 6576, 12345, 6576, 8478546, 5157063, 15483, 1527848, 0, "mysqld" },
	{ 27171, 12345, 27171, 7522, 10, 18, 58, 0, "rotatelogs" },
	{ 27172, 12345, 27172, 28320, 3, 11, 94, 0, "run.sh" },
	{ 27502, 12345, 27502, 4029300, 2716569, 6505, 226225, 0, "java" },
	{ 11729, 0, 11729, 64122, 5003, 79, 2465, 0, "snmpd" },
	{ 12130, 0, 12130, 122202, 565, 29, 175, 0, "hpasmlited" },
	{ 12166, 0, 12166, 11905, 89, 24, 121, 0, "cmahealthd" },
	{ 12190, 0, 12190, 11871, 89, 24, 119, 0, "cmastdeqd" },
	{ 12214, 0, 12214, 13707, 84, 31, 211, 0, "cmahostd" },
	{ 12237, 0, 12237, 12493, 38, 28, 352, 0, "cmathreshd" },
	{ 12276, 0, 12276, 12368, 45, 30, 210, 0, "cmasm2d" },
	{ 12299, 0, 12299, 12485, 43, 26, 282, 0, "cmaperfd" },
	{ 12324, 0, 12324, 31932, 184, 31, 143, 0, "cmapeerd" },
	{ 12352, 0, 12352, 14280, 48, 32, 169, 0, "cmaeventd" },
	{ 12379, 0, 12379, 14831, 26, 30, 198, 0, "cmafcad" },
	{ 12407, 0, 12407, 11806, 12, 25, 128, 0, "cmasasd" },
	{ 12436, 0, 12436, 14364, 86, 31, 181, 0, "cmaidad" },
	{ 12463, 0, 12463, 11288, 15, 25, 125, 0, "cmaided" },
	{ 12492, 0, 12492, 11805, 14, 26, 127, 0, "cmascsid" },
	{ 12523, 0, 12523, 92228, 129, 63, 433, 0, "cmanicd" },
	{ 14002, 0, 14002, 11803, 12, 25, 128, 0, "cmasm2d" },
	{ 32615, 0, 32615, 36254, 323, 73, 7, 0, "sshd" },
	{ 894, 12345, 894, 36254, 328, 70, 5, 0, "sshd" },
	{ 895, 12345, 895, 3389, 123, 11, 0, 0, "ksh" },
	{ 10620, 0, 10620, 36254, 328, 72, 0, 0, "sshd" },
	{ 10634, 38714, 10634, 36290, 329, 70, 8, 0, "sshd" },
	{ 10635, 38714, 10635, 14221, 25, 31, 124, 0, "sftp-server" },
	{ 29021, 0, 29021, 36254, 314, 69, 0, 0, "sshd" },
	{ 29025, 12345, 29025, 36254, 316, 67, 0, 0, "sshd" },
	{ 29026, 12345, 29026, 29286, 96, 12, 1, 0, "ksh" },
	{ 29051, 12345, 29051, 29494, 330, 12, 74, 0, "svr05" },
	{ 29979, 12345, 29979, 1666, 42, 9, 0, 0, "less" },
	{ 29662, 89, 29662, 23316, 258, 43, 0, 0, "pickup" },
	{ 26065, 89, 26065, 23317, 256, 45, 0, 0, "trivial-rewrite" },
	{ 26066, 89, 26066, 23353, 265, 45, 0, 0, "cleanup" },
	{ 26067, 89, 26067, 23368, 271, 45, 0, 0, "smtp" },
	{ 26743, 0, 26743, 36254, 314, 68, 0, 0, "sshd" },
	{ 26937, 12345, 26937, 36254, 314, 67, 0, 0, "sshd" },
	{ 26938, 12345, 26938, 29286, 96, 11, 0, 0, "ksh" },
	{ 27122, 12345, 27122, 29494, 459, 12, 0, 0, "svr05" },
	{ 28657, 0, 28657, 36254, 314, 74, 0, 0, "sshd" },
	{ 28702, 12345, 28702, 36254, 314, 72, 0, 0, "sshd" },
	{ 28703, 12345, 28703, 29286, 97, 11, 0, 0, "ksh" },
	{ 28993, 0, 28993, 36254, 314, 72, 0, 0, "sshd" },
	{ 28996, 12345, 28996, 29526, 531, 12, 0, 0, "svr05" },
	{ 29006, 12345, 29006, 36254, 314, 69, 0, 0, "sshd" },
	{ 29007, 12345, 29007, 29286, 96, 11, 0, 0, "ksh" },
	{ 29110, 12345, 29110, 29558, 745, 12, 0, 0, "svr05" },
	{ 29481, 12345, 29481, 29214, 58, 14, 0, 0, "sed" },
	{ 29752, 12345, 29752, 7522, 296, 19, 0, 0, "rotatelogs" },
};

/* tests/corpus/S03 (Arch 6.1.1): pgtables_bytes in the pt column. */
static const struct row s03_rows[] = {
	{ 246, 0, 246, 16404, 66, 159744, 303, -250, "systemd-journal" },
	{ 274, 0, 274, 8511, 0, 98304, 638, -1000, "systemd-udevd" },
	{ 493, 0, 493, 631, 1, 40960, 36, 0, "acpid" },
	{ 495, 84, 495, 2120, 0, 57344, 130, 0, "avahi-daemon" },
	{ 496, 0, 496, 1761, 14, 57344, 187, 0, "crond" },
	{ 497, 81, 497, 2282, 1, 61440, 358, -900, "dbus-daemon" },
	{ 499, 0, 499, 2729, 0, 57344, 382, 0, "smartd" },
	{ 500, 0, 500, 12576, 23, 90112, 299, 0, "systemd-logind" },
	{ 501, 0, 501, 4280, 0, 73728, 286, 0, "systemd-machine" },
	{ 504, 993, 504, 767, 0, 49152, 122, 0, "dhcpcd" },
	{ 505, 0, 505, 850, 1, 53248, 84, 0, "dhcpcd" },
	{ 506, 993, 506, 721, 0, 49152, 90, 0, "dhcpcd" },
	{ 507, 993, 507, 719, 0, 49152, 97, 0, "dhcpcd" },
	{ 509, 84, 509, 2120, 0, 53248, 138, 0, "avahi-daemon" },
	{ 526, 0, 526, 6756, 0, 86016, 417, 0, "cupsd" },
	{ 558, 0, 558, 58147, 0, 86016, 300, 0, "lightdm" },
	{ 569, 0, 569, 204061, 1279, 708608, 7704, 0, "Xorg" },
	{ 687, 0, 687, 40542, 0, 77824, 371, 0, "lightdm" },
	{ 693, 504, 693, 5035, 0, 81920, 605, 100, "systemd" },
	{ 694, 504, 694, 6218, 0, 81920, 891, 100, "(sd-pam)" },
	{ 700, 504, 700, 116292, 236, 253952, 5766, 0, "xfce4-session" },
	{ 709, 504, 709, 2278, 15, 61440, 317, 200, "dbus-daemon" },
	{ 720, 504, 720, 60626, 0, 110592, 936, 200, "gvfsd" },
	{ 725, 504, 725, 94774, 0, 102400, 1371, 200, "gvfsd-fuse" },
	{ 732, 504, 732, 77011, 0, 94208, 853, 200, "at-spi-bus-laun" },
	{ 738, 504, 738, 2144, 0, 61440, 192, 200, "dbus-daemon" },
	{ 745, 504, 745, 40251, 0, 77824, 268, 200, "at-spi2-registr" },
	{ 747, 102, 747, 77578, 0, 102400, 906, 0, "polkitd" },
	{ 760, 504, 760, 1855, 0, 53248, 209, 0, "ssh-agent" },
	{ 767, 504, 767, 38905, 55, 73728, 67, 200, "gpg-agent" },
	{ 769, 504, 769, 242402, 1658, 401408, 4392, 0, "xfwm4" },
	{ 778, 504, 778, 58286, 225, 167936, 1911, 0, "xfsettingsd" },
	{ 791, 504, 791, 453174, 1056, 393216, 2624, 200, "pulseaudio" },
	{ 792, 133, 792, 22084, 0, 57344, 175, 0, "rtkit-daemon" },
	{ 841, 504, 841, 176141, 1378, 266240, 3418, 0, "xfce4-panel" },
	{ 881, 504, 881, 137016, 15, 249856, 3888, 0, "Thunar" },
	{ 886, 504, 886, 114166, 558, 208896, 1267, 0, "panel-6-systray" },
	{ 887, 504, 887, 114470, 462, 212992, 2358, 0, "panel-2-actions" },
	{ 888, 504, 888, 159010, 1173, 315392, 10226, 0, "xfdesktop" },
	{ 906, 504, 906, 59197, 0, 86016, 852, 200, "gsettings-helpe" },
	{ 911, 504, 911, 355202, 0, 442368, 10408, 0, "claws-mail" },
	{ 912, 504, 912, 796658, 8304, 1429504, 81625, 0, "clementine" },
	{ 913, 504, 913, 242116, 2555, 327680, 4878, 0, "xfce4-terminal" },
	{ 914, 504, 914, 58010, 0, 167936, 1998, 0, "xfce4-power-man" },
	{ 922, 0, 922, 58307, 0, 90112, 828, 0, "upowerd" },
	{ 959, 504, 959, 161371, 132, 184320, 1131, 200, "gvfs-udisks2-vo" },
	{ 976, 504, 976, 2115, 1, 53248, 243, 0, "bash" },
	{ 978, 504, 978, 2030, 0, 61440, 231, 0, "bash" },
	{ 979, 504, 979, 2030, 0, 57344, 231, 0, "bash" },
	{ 980, 504, 980, 2054, 0, 53248, 241, 0, "bash" },
	{ 982, 504, 982, 2029, 0, 49152, 243, 0, "bash" },
	{ 986, 0, 986, 98535, 216, 131072, 1210, 0, "udisksd" },
	{ 987, 504, 987, 2029, 0, 53248, 229, 0, "bash" },
	{ 989, 504, 989, 2054, 0, 53248, 241, 0, "bash" },
	{ 998, 504, 998, 2029, 0, 57344, 230, 0, "bash" },
	{ 1008, 504, 1008, 2238, 1, 49152, 387, 0, "bash" },
	{ 1227, 504, 1227, 79220, 0, 114688, 1551, 200, "gvfsd-trash" },
	{ 1238, 504, 1238, 39834, 0, 77824, 749, 200, "gvfsd-metadata" },
	{ 1267, 504, 1267, 17396, 0, 135168, 526, 0, "clementine-tagr" },
	{ 1268, 504, 1268, 17397, 0, 131072, 539, 0, "clementine-tagr" },
	{ 1269, 504, 1269, 17398, 0, 126976, 549, 0, "clementine-tagr" },
	{ 1270, 504, 1270, 17398, 0, 135168, 547, 0, "clementine-tagr" },
	{ 1298, 504, 1298, 57817, 0, 172032, 1926, 0, "polkit-gnome-au" },
	{ 1299, 504, 1299, 1216, 138, 49152, 69, -1000, "xscreensaver" },
	{ 1300, 504, 1300, 102371, 46, 225280, 3021, 0, "xfce4-notifyd" },
	{ 1308, 504, 1308, 252426, 1143, 356352, 3844, 0, "pavucontrol" },
	{ 1310, 504, 1310, 1926, 0, 57344, 134, 0, "xscreensaver-sy" },
	{ 1676, 504, 1676, 97743, 0, 131072, 1047, 200, "gvfsd-network" },
	{ 1682, 504, 1682, 79674, 0, 118784, 975, 200, "gvfsd-dnssd" },
	{ 5514, 504, 5514, 38890, 0, 73728, 792, 200, "dconf-service" },
	{ 10333, 504, 10333, 159849, 468, 299008, 8753, 0, "mousepad" },
	{ 316097, 504, 316097, 117647, 2682, 217088, 8661, 0, "python2" },
	{ 322400, 504, 322400, 211848, 0, 303104, 5300, 0, "xfce4-appfinder" },
	{ 331049, 504, 331049, 2316564, 516062, 12025856, 547863, 0, "java" },
	{ 351065, 504, 351065, 2202, 61, 57344, 760, 0, "fsnotifier" },
	{ 375042, 504, 375042, 8546231, 9209, 1327104, 24903, 0, "chrome" },
	{ 375046, 504, 375046, 1493, 0, 49152, 27, 0, "cat" },
	{ 375047, 504, 375047, 1493, 0, 53248, 46, 0, "cat" },
	{ 375049, 504, 375049, 8393904, 0, 61440, 113, 0, "chrome_crashpad" },
	{ 375051, 504, 375051, 8391851, 0, 53248, 112, 0, "chrome_crashpad" },
	{ 375057, 504, 375057, 8461795, 34, 397312, 2772, 0, "chrome" },
	{ 375058, 504, 375058, 8461793, 3, 409600, 2774, 0, "chrome" },
	{ 375060, 504, 375060, 8391944, 1, 77824, 114, 0, "nacl_helper" },
	{ 375063, 504, 375063, 8461799, 11, 266240, 2798, 0, "chrome" },
	{ 375091, 504, 375091, 8476826, 3620, 970752, 17473, 200, "chrome" },
	{ 375094, 504, 375094, 8474193, 273, 503808, 4651, 200, "chrome" },
	{ 376692, 504, 376692, 296469227, 2362, 1826816, 57194, 300, "chrome" },
	{ 376850, 504, 376850, 8540727, 588, 471040, 2920, 200, "chrome" },
	{ 384429, 504, 384429, 296196870, 161, 892928, 10673, 300, "chrome" },
	{ 384480, 504, 384480, 296197707, 1513, 1761280, 35094, 300, "chrome" },
	{ 384572, 504, 384572, 296192141, 146, 806912, 9569, 300, "chrome" },
	{ 429251, 504, 429251, 296191891, 151, 802816, 10933, 300, "chrome" },
	{ 429292, 504, 429292, 296195734, 159, 798720, 7995, 300, "chrome" },
	{ 429373, 504, 429373, 296193695, 132, 1060864, 19693, 300, "chrome" },
	{ 429392, 504, 429392, 296192194, 867, 962560, 15007, 300, "chrome" },
	{ 442829, 504, 442829, 296195874, 170, 942080, 11840, 300, "chrome" },
	{ 443457, 504, 443457, 2081, 0, 53248, 247, 0, "bash" },
	{ 452899, 504, 452899, 296191069, 184, 663552, 5157, 300, "chrome" },
	{ 453235, 504, 453235, 296190983, 145, 675840, 4694, 300, "chrome" },
	{ 453303, 504, 453303, 296453346, 213, 884736, 17367, 300, "chrome" },
	{ 466649, 504, 466649, 296458526, 1742, 847872, 9381, 300, "chrome" },
	{ 469274, 504, 469274, 296191525, 39, 790528, 8550, 300, "chrome" },
	{ 469323, 504, 469323, 296188917, 156, 663552, 4015, 300, "chrome" },
	{ 470905, 504, 470905, 2030, 0, 57344, 234, 0, "bash" },
	{ 471736, 504, 471736, 296191883, 107, 847872, 11573, 300, "chrome" },
	{ 472463, 504, 472463, 296191588, 2361, 737280, 3564, 300, "chrome" },
	{ 472477, 504, 472477, 296182731, 87, 581632, 3768, 300, "chrome" },
	{ 472728, 993, 472728, 850, 0, 49152, 90, 0, "dhcpcd" },
	{ 473029, 504, 473029, 58100, 56, 86016, 134, 200, "xfconfd" },
	{ 473206, 504, 473206, 7572670, 2308581, 60686336, 5225427, 0, "doxygen" },
	{ 473207, 504, 473207, 2835, 124, 61440, 143, 0, "top" },
	{ 473257, 504, 473257, 8547051, 5143, 983040, 4216, 200, "chrome" },
};

/* tests/corpus/S04 (Proxmox 5.15, cgroup v2 memcg OOM): pgtables_bytes. */
static const struct row s04_rows[] = {
	{ 19690, 0, 19690, 42446, 630, 98304, 0, 0, "systemd" },
	{ 1833435, 0, 1833435, 5294, 360, 81920, 0, 0, "systemd" },
	{ 1833436, 0, 1833436, 42653, 656, 102400, 0, 0, "(sd-pam)" },
	{ 1833418, 0, 1833418, 3718, 281, 69632, 0, 0, "sshd" },
	{ 1833454, 0, 1833454, 1372, 530, 49152, 0, 0, "bash" },
	{ 23642, 0, 23642, 605, 27, 45056, 0, 0, "agetty" },
	{ 23654, 0, 23654, 605, 27, 45056, 0, 0, "agetty" },
	{ 21417, 0, 21417, 42429, 31073, 389120, 0, 0, "systemd-journal" },
	{ 25431, 0, 25431, 10873, 212, 77824, 0, 0, "master" },
	{ 25448, 101, 25448, 10973, 215, 77824, 0, 0, "qmgr" },
	{ 2731222, 101, 2731222, 10962, 210, 73728, 0, 0, "pickup" },
	{ 21519, 108, 21519, 1706, 109, 49152, 0, 0, "rpcbind" },
	{ 21537, 0, 21537, 55433, 343, 86016, 0, 0, "rsyslogd" },
	{ 21539, 0, 21539, 4883, 259, 77824, 0, 0, "systemd-logind" },
	{ 21542, 106, 21542, 2296, 193, 61440, 0, -900, "dbus-daemon" },
	{ 21544, 0, 21544, 1378, 60, 49152, 0, 0, "cron" },
	{ 23770, 0, 23770, 2144, 232, 53248, 0, 0, "nginx" },
	{ 23820, 33, 23820, 6472, 4460, 90112, 0, 0, "nginx" },
	{ 23824, 33, 23824, 2840, 823, 61440, 0, 0, "nginx" },
	{ 23825, 33, 23825, 5965, 3954, 86016, 0, 0, "nginx" },
	{ 23826, 33, 23826, 2926, 903, 61440, 0, 0, "nginx" },
	{ 23828, 33, 23828, 2743, 700, 61440, 0, 0, "nginx" },
	{ 23829, 33, 23829, 3040, 986, 65536, 0, 0, "nginx" },
	{ 23830, 33, 23830, 2622, 602, 61440, 0, 0, "nginx" },
	{ 23833, 33, 23833, 2664, 636, 61440, 0, 0, "nginx" },
	{ 23835, 33, 23835, 3069, 1028, 65536, 0, 0, "nginx" },
	{ 23836, 33, 23836, 2718, 700, 61440, 0, 0, "nginx" },
	{ 23837, 33, 23837, 2787, 757, 61440, 0, 0, "nginx" },
	{ 23841, 33, 23841, 2765, 739, 61440, 0, 0, "nginx" },
	{ 23626, 0, 23626, 136463, 4053, 155648, 0, 0, "fail2ban-server" },
	{ 23583, 107, 23583, 1613, 152, 53248, 0, -500, "nrpe" },
	{ 23602, 998, 23602, 1366958, 24377, 1540096, 0, 0, "alloy" },
	{ 24267, 0, 24267, 4442, 2448, 73728, 0, 0, "munin-node" },
	{ 23635, 0, 23635, 560832, 3493, 335872, 0, -999, "containerd" },
	{ 28830, 0, 28830, 309118, 521, 110592, 0, -998, "containerd-shim" },
	{ 28840, 0, 28840, 309118, 589, 106496, 0, -998, "containerd-shim" },
	{ 28903, 0, 28903, 309182, 651, 114688, 0, -998, "containerd-shim" },
	{ 23649, 0, 23649, 605, 28, 40960, 0, 0, "agetty" },
	{ 24698, 0, 24698, 681294, 10978, 561152, 0, -500, "dockerd" },
	{ 28747, 0, 28747, 547418, 1148, 241664, 0, -500, "docker-proxy" },
	{ 28770, 0, 28770, 547354, 1205, 233472, 0, -500, "docker-proxy" },
	{ 28950, 999, 28950, 36169, 869, 139264, 0, 0, "redis-server" },
	{ 28960, 0, 28960, 6350, 3419, 86016, 0, 0, "supervisord" },
	{ 29943, 0, 29943, 60176, 415, 102400, 0, 0, "syslog-ng" },
	{ 29946, 0, 29946, 3326, 632, 61440, 0, 0, "apache2" },
	{ 29948, 0, 29948, 1816, 65, 53248, 0, 0, "cron" },
	{ 1109590, 1000, 1109590, 1438, 133, 49152, 0, 0, "bash" },
	{ 3607313, 0, 3607313, 191864, 3712, 376832, 0, 0, "php-fpm" },
	{ 4069179, 33, 4069179, 485550, 2818, 294912, 0, 0, "apache2" },
	{ 4082621, 33, 4082621, 485518, 2756, 294912, 0, 0, "apache2" },
	{ 1107452, 33, 1107452, 485501, 2701, 294912, 0, 0, "apache2" },
	{ 3589018, 1000, 3589018, 2006387, 1814349, 15110144, 0, 0, "php-fpm" },
	{ 3637209, 1000, 3637209, 1116561, 964430, 8314880, 0, 0, "php-fpm" },
	{ 3716361, 1000, 3716361, 197166, 64102, 1028096, 0, 0, "php-fpm" },
	{ 3718400, 1000, 3718400, 631433, 496715, 4513792, 0, 0, "php-fpm" },
	{ 3726383, 1000, 3726383, 197464, 68014, 1069056, 0, 0, "php-fpm" },
	{ 3766026, 1000, 3766026, 197466, 65625, 1060864, 0, 0, "php-fpm" },
	{ 3818699, 1000, 3818699, 197629, 63109, 1064960, 0, 0, "php-fpm" },
	{ 3902942, 1000, 3902942, 3685044, 3195335, 27021312, 0, 0, "php-fpm" },
	{ 3923954, 1000, 3923954, 210010, 57884, 991232, 0, 0, "php-fpm" },
	{ 3951198, 1000, 3951198, 195390, 52179, 925696, 0, 0, "php-fpm" },
	{ 3959475, 1000, 3959475, 195994, 54247, 921600, 0, 0, "php-fpm" },
	{ 3964255, 1000, 3964255, 1410840, 1230038, 10379264, 0, 0, "php-fpm" },
	{ 3988024, 1000, 3988024, 197476, 36148, 774144, 0, 0, "php-fpm" },
	{ 3990260, 1000, 3990260, 196569, 43429, 851968, 0, 0, "php-fpm" },
	{ 3993067, 1000, 3993067, 195922, 29187, 671744, 0, 0, "php-fpm" },
	{ 3993877, 1000, 3993877, 196866, 31888, 774144, 0, 0, "php-fpm" },
	{ 3993880, 1000, 3993880, 196814, 32009, 782336, 0, 0, "php-fpm" },
	{ 4007111, 1000, 4007111, 191931, 2715, 364544, 0, 0, "php-fpm" },
	{ 4007831, 0, 4007831, 191864, 2504, 323584, 0, 0, "php-fpm" },
	{ 4007878, 0, 4007878, 191864, 2505, 331776, 0, 0, "php-fpm" },
	{ 28961, 1000, 28961, 179082, 505, 135168, 0, 0, "MailHog" },
	{ 1083565, 0, 1083565, 3455, 215, 69632, 0, -1000, "sshd" },
};

/* tests/corpus/S06 (Debian 5.10): pgtables_bytes. */
static const struct row s06_rows[] = {
	{ 199, 0, 199, 14838, 226, 102400, 14, -250, "systemd-journal" },
	{ 255, 0, 255, 5316, 159, 69632, 37, -1000, "systemd-udevd" },
	{ 277, 101, 277, 22094, 164, 73728, 9, 0, "systemd-timesyn" },
	{ 348, 0, 348, 2067, 138, 53248, 787, 0, "haveged" },
	{ 489, 0, 489, 1671, 38, 45056, 30, 0, "cron" },
	{ 491, 104, 491, 2045, 139, 57344, 2, -900, "dbus-daemon" },
	{ 497, 0, 497, 55185, 209, 77824, 33, 0, "rsyslogd" },
	{ 505, 0, 505, 3438, 188, 69632, 18, 0, "systemd-logind" },
	{ 517, 111, 517, 590364, 422324, 4395008, 107099, 0, "clamd" },
	{ 573, 111, 573, 33216, 368, 114688, 326, 0, "freshclam" },
	{ 574, 0, 574, 1120, 52, 45056, 35, 0, "dovecot" },
	{ 581, 112, 581, 16276, 1567, 110592, 197, 0, "redis-server" },
	{ 584, 108, 584, 64811, 14737, 393216, 8513, 0, "rspamd" },
	{ 587, 0, 587, 27165, 1488, 110592, 635, 0, "unattended-upgr" },
	{ 589, 998, 589, 32026, 291, 118784, 14, 0, "znc" },
	{ 590, 0, 590, 177664, 4383, 208896, 343, 0, "fail2ban-server" },
	{ 594, 0, 594, 3323, 207, 69632, 32, -1000, "sshd" },
	{ 596, 109, 596, 1039, 26, 49152, 5, 0, "anvil" },
	{ 597, 0, 597, 1104, 63, 45056, 33, 0, "log" },
	{ 598, 0, 598, 1891, 378, 53248, 12, 0, "config" },
	{ 602, 0, 602, 1446, 29, 49152, 0, 0, "agetty" },
	{ 605, 0, 605, 1354, 30, 49152, 0, 0, "agetty" },
	{ 607, 0, 607, 17458, 333, 102400, 114, 0, "nginx" },
	{ 609, 33, 609, 17517, 519, 110592, 88, 0, "nginx" },
	{ 669, 106, 669, 269508, 7688, 323584, 12110, 0, "mariadbd" },
	{ 942, 0, 942, 9997, 84, 77824, 81, 0, "master" },
	{ 947, 107, 947, 10110, 112, 69632, 54, 0, "qmgr" },
	{ 1677, 108, 1677, 64811, 14698, 376832, 8305, 0, "rspamd" },
	{ 1680, 108, 1680, 65038, 14927, 380928, 8231, 0, "rspamd" },
	{ 1682, 108, 1682, 67131, 16509, 421888, 7811, 0, "rspamd" },
	{ 1683, 108, 1683, 64811, 14614, 376832, 8614, 0, "rspamd" },
	{ 3825, 109, 3825, 2357, 112, 53248, 0, 0, "stats" },
	{ 3837, 107, 3837, 11012, 148, 73728, 95, 0, "tlsmgr" },
	{ 7180, 107, 7180, 10061, 164, 73728, 0, 0, "pickup" },
	{ 7298, 107, 7298, 10060, 163, 65536, 0, 0, "anvil" },
};

static const int64_t T = 1000000;   /* totalpages for the hand cases: T/1000 = 1000 */

static struct oom_task mk(int64_t uid, int64_t rss, int64_t swap, int64_t adj)
{
	struct oom_task t;
	task_init(&t);
	t.pid = t.tgid = 4242;
	t.uid = uid;
	t.total_vm_pages = 300000;
	t.rss_pages = rss;
	t.swapents_pages = swap;
	t.nr_ptes = 200;
	t.nr_pmds = 3;
	t.pgtables_bytes = 200 * 4096;
	t.oom_score_adj = adj;
	return t;
}

static int64_t B(const struct oom_task *t, int maj, int min, int pat)
{
	struct kver v = kver_make(maj, min, pat);
	return badness_for_era(t, T, 4, &v);
}

TEST(eras_user_task)
{
	struct oom_task t = mk(1000, 100000, 5000, 0);
	/* 3.8–3.19: rss + nr_ptes + swapents = 100000 + 200 + 5000 */
	CHECK_INT(B(&t, 3, 10, 0), 105200);
	/* 4.0–4.14: + nr_pmds 3 */
	CHECK_INT(B(&t, 4, 4, 0), 105203);
	/* 4.15+: pgtables_bytes 819200 / 4096 = 200 */
	CHECK_INT(B(&t, 4, 19, 0), 105200);
	CHECK_INT(B(&t, 6, 18, 0), 105200);
	/* 2.6.36–2.6.38: (rss + swapents) * 1000 / T = 105000000/1e6 = 105 */
	CHECK_INT(B(&t, 2, 6, 36), 105);
	/* 2.6.39–3.7: (105200 * 1000) / 1e6 = 105 */
	CHECK_INT(B(&t, 3, 2, 0), 105);
	/* ≤2.6.35: total_vm 300000, no shift for oom_adj 0 (approximation) */
	CHECK_INT(B(&t, 2, 6, 32), 300000);
	t.oom_adj = 2;                       /* 300000 << 2 */
	CHECK_INT(B(&t, 2, 6, 32), 1200000);
	t.oom_adj = -17;                     /* OOM_DISABLE */
	CHECK_INT(B(&t, 2, 6, 18), OOM_NA);
	t.oom_adj = OOM_NA;
	/* RHEL 6 is normalised (2.6.36 rewrite backported) */
	struct kver r6;
	CHECK_INT(kver_parse("2.6.32-642.6.2.el6.x86_64", &r6), 0);
	CHECK_INT(badness_for_era(&t, T, 4, &r6), 105);
}

TEST(eras_root_bonus)
{
	struct oom_task t = mk(0, 100000, 5000, 0);
	/* 3.8–3.13: adj -= 30 → -30 * (T/1000) = -30000: 105200 - 30000 */
	CHECK_INT(B(&t, 3, 8, 3), 75200);
	CHECK_INT(B(&t, 3, 10, 0), 75200);
	/* 3.14–4.16: points -= points*3/100 = 105200 - 3156 */
	CHECK_INT(B(&t, 3, 14, 0), 102044);
	CHECK_INT(B(&t, 3, 10, 108), 102044);
	struct kver r7;
	CHECK_INT(kver_parse("3.10.0-1160.el7.x86_64", &r7), 0);
	CHECK_INT(badness_for_era(&t, T, 4, &r7), 102044);
	CHECK_INT(B(&t, 4, 15, 0), 102044);  /* 4.15: pgtables 200 → same sum */
	/* 4.17+: no bonus */
	CHECK_INT(B(&t, 4, 17, 0), 105200);
	/* 2.6.36–3.7: 105 - 30 */
	CHECK_INT(B(&t, 3, 4, 0), 75);
	/* ≤2.6.35: root /4: 300000/4 */
	CHECK_INT(B(&t, 2, 6, 18), 75000);
}

TEST(eras_adj)
{
	struct oom_task t = mk(1000, 100000, 5000, 500);
	/* 105200 + 500 * 1000 */
	CHECK_INT(B(&t, 5, 10, 0), 605200);
	/* normalised: 105 + 500 */
	CHECK_INT(B(&t, 3, 0, 0), 605);
	t.oom_score_adj = 1000;              /* 105 + 1000 clamps to 1000 */
	CHECK_INT(B(&t, 3, 0, 0), 1000);
	t.oom_score_adj = -999;
	/* 105200 - 999000 = -893800: ≤5.8 returns 1, 5.9+ keeps the sign */
	CHECK_INT(B(&t, 5, 8, 0), 1);
	CHECK_INT(B(&t, 5, 9, 0), -893800);
	CHECK_INT(B(&t, 3, 0, 0), 1);        /* 105 - 999 ≤ 0 → 1 */
	/* integer division first: T = 1999999 → T/1000 = 1999, adj 1 → +1999 */
	t.oom_score_adj = 1;
	struct kver v = kver_make(6, 1, 0);
	CHECK_INT(badness_for_era(&t, 1999999, 4, &v), 105200 + 1999);
	/* unknown totalpages: computable only when adj is 0 */
	CHECK_INT(badness_for_era(&t, OOM_NA, 4, &v), OOM_NA);
	t.oom_score_adj = 0;
	CHECK_INT(badness_for_era(&t, OOM_NA, 4, &v), 105200);
}

TEST(ineligible)
{
	struct kver v = kver_make(6, 1, 0);
	struct oom_task t = mk(1000, 100000, 5000, -1000);
	CHECK_INT(badness_for_era(&t, T, 4, &v), OOM_NA);
	t = mk(0, 100000, 0, 0);
	t.kthread = true;
	CHECK_INT(badness_for_era(&t, T, 4, &v), OOM_NA);
	t = mk(0, 100000, 0, 0);
	t.pid = t.tgid = 1;                  /* init */
	CHECK_INT(badness_for_era(&t, T, 4, &v), OOM_NA);
	t = mk(0, OOM_NA, 0, 0);             /* rss unknown */
	CHECK_INT(badness_for_era(&t, T, 4, &v), OOM_NA);
	/* rss from the 6.8+ split columns: 10 + 20 + 30, pgtables 200 */
	t = mk(0, OOM_NA, 0, 0);
	t.rss_anon_pages = 10;
	t.rss_file_pages = 20;
	t.rss_shmem_pages = 30;
	CHECK_INT(badness_for_era(&t, T, 4, &v), 260);
	/* 64 KiB pages: pgtables_bytes 819200 / 65536 = 12 */
	t.pgtables_bytes = 819200;
	CHECK_INT(badness_for_era(&t, T, 64, &v), 72);
}

TEST(oom_score)
{
	struct kver v59 = kver_make(5, 9, 0), v58 = kver_make(5, 8, 0), v30 = kver_make(3, 0, 0);
	/* 5.9+: (1000 + 605200*1000/1e6) * 2/3 = 1605*2/3 = 1070 */
	CHECK_INT(oom_score_for_era(605200, T, &v59), 1070);
	/* idle task: 100*1000/1e6 = 0 → 1000*2/3 = 666 */
	CHECK_INT(oom_score_for_era(100, T, &v59), 666);
	/* negative: -893800*1000/1e6 = -893 (truncation) → 107*2/3 = 71 */
	CHECK_INT(oom_score_for_era(-893800, T, &v59), 71);
	/* 3.8–5.8: points*1000/T = 605 */
	CHECK_INT(oom_score_for_era(605200, T, &v58), 605);
	/* 2.6.36–3.7: the normalised points themselves */
	CHECK_INT(oom_score_for_era(605, T, &v30), 605);
	/* ineligible reads 0 */
	CHECK_INT(oom_score_for_era(OOM_NA, T, &v59), 0);
	CHECK_INT(oom_score_for_era(OOM_NA, T, &v58), 0);
}

static void add_equal(struct oom_snapshot *s, int n, int64_t rss)
{
	for (int i = 0; i < n; i++) {
		struct oom_task *t = snapshot_add_task(s);
		*t = mk(1000, rss, 0, 0);
		t->pid = t->tgid = 100 + i;
	}
}

TEST(ties)
{
	struct oom_snapshot s;
	snapshot_init(&s);
	s.page_size_kib = 4;
	add_equal(&s, 3, 5000);
	/* an unkillable giant is never chosen */
	struct oom_task *g = snapshot_add_task(&s);
	*g = mk(1000, 900000, 0, -1000);
	int second = 99;
	struct kver v;
	v = kver_make(4, 4, 0);              /* first of equals */
	CHECK_INT(badness_rank(&s, T, &v, &second), 0);
	CHECK_INT(second, 1);
	v = kver_make(5, 0, 0);
	CHECK_INT(badness_rank(&s, T, &v, &second), 0);
	v = kver_make(4, 8, 0);              /* last of equals */
	CHECK_INT(badness_rank(&s, T, &v, &second), 2);
	CHECK_INT(second, 1);
	v = kver_make(5, 1, 0);
	CHECK_INT(badness_rank(&s, T, &v, &second), 2);
	v = kver_make(6, 18, 0);
	CHECK_INT(badness_rank(&s, T, &v, &second), 2);
	CHECK_INT(s.tasks[3].badness, OOM_NA);
	CHECK_INT(s.tasks[3].oom_score, 0);
	CHECK_INT(s.tasks[0].badness, 5200);
	/* empty / all ineligible */
	snapshot_release(&s);
	snapshot_init(&s);
	g = snapshot_add_task(&s);
	*g = mk(1000, 900000, 0, -1000);
	CHECK_INT(badness_rank(&s, T, &v, &second), -1);
	CHECK_INT(second, -1);
	snapshot_release(&s);
}

static void load(struct oom_snapshot *s, const struct row *rows, size_t n, bool pgtables_bytes)
{
	for (size_t i = 0; i < n; i++) {
		struct oom_task *t = snapshot_add_task(s);
		t->pid = rows[i].pid;
		t->uid = rows[i].uid;
		t->tgid = rows[i].tgid;
		t->total_vm_pages = rows[i].total_vm;
		t->rss_pages = rows[i].rss;
		if (pgtables_bytes)
			t->pgtables_bytes = rows[i].pt;
		else
			t->nr_ptes = rows[i].pt;
		t->swapents_pages = rows[i].swapents;
		t->oom_score_adj = rows[i].adj;
		snprintf(t->comm, sizeof(t->comm), "%s", rows[i].comm);
	}
}

static int find_pid(const struct oom_snapshot *s, int64_t pid)
{
	for (size_t i = 0; i < s->nr_tasks; i++)
		if (s->tasks[i].pid == pid)
			return (int)i;
	return -2;
}

TEST(corpus_s01_rhel7)
{
	static struct oom_event ev;
	event_init(&ev);
	ev.kind = OOM_KIND_GLOBAL;
	CHECK_INT(kver_parse("3.10.0-514.6.1.el7.x86_64", &ev.kv), 0);
	ev.snap.page_size_kib = 4;
	ev.snap.mem.ram_kib = 8379834LL * 4;      /* "8379834 pages RAM" */
	ev.snap.mem.reserved_kib = 192987LL * 4;  /* "192987 pages reserved" */
	ev.snap.mem.swap_total_kib = 8388604;     /* "Total swap = 8388604kB" */
	load(&ev.snap, s01_rows, ARRAY_SIZE(s01_rows), false);
	/* (8379834 - 192987) + 8388604/4 = 8186847 + 2097151 */
	int64_t tp = badness_totalpages(&ev);
	CHECK_INT(tp, 10283998);
	int second;
	int v = badness_rank(&ev.snap, tp, &ev.kv, &second);
	CHECK_INT(v, find_pid(&ev.snap, 6576));   /* mysqld, as the kernel chose */
	CHECK_INT(second, find_pid(&ev.snap, 27502));  /* java */
	if (v >= 0) {
		/* 5157063 rss + 15483 nr_ptes + 1527848 swapents */
		CHECK_INT(ev.snap.tasks[v].badness, 6700394);
		/* "Kill process 6576 (mysqld) score 651": 6700394*1000/10283998 */
		CHECK_INT(ev.snap.tasks[v].badness * 1000 / tp, 651);
		CHECK_INT(ev.snap.tasks[v].oom_score, 651);
	}
	if (second >= 0)
		CHECK_INT(ev.snap.tasks[second].badness, 2949299);  /* 2716569+6505+226225 */
	/* root task, RHEL 7 3 % bonus: oacore 23313+97+3256 = 26666 − 799 */
	CHECK_INT(ev.snap.tasks[find_pid(&ev.snap, 8685)].badness, 25867);
	/* dbus-daemon adj −900: 120 − 900*10283 < 0 → 1 (≤5.8) */
	CHECK_INT(ev.snap.tasks[find_pid(&ev.snap, 569)].badness, 1);
	CHECK_INT(ev.snap.tasks[find_pid(&ev.snap, 433)].badness, OOM_NA);
	event_release(&ev);
}

TEST(corpus_s03_arch61)
{
	static struct oom_event ev;
	event_init(&ev);
	ev.kind = OOM_KIND_GLOBAL;
	CHECK_INT(kver_parse("6.1.1-arch1-1", &ev.kv), 0);
	ev.snap.page_size_kib = 4;
	ev.snap.mem.ram_kib = 4115400LL * 4;
	ev.snap.mem.reserved_kib = 97082LL * 4;
	ev.snap.mem.swap_total_kib = 25165820;
	load(&ev.snap, s03_rows, ARRAY_SIZE(s03_rows), true);
	/* (4115400 - 97082) + 25165820/4 = 4018318 + 6291455 */
	int64_t tp = badness_totalpages(&ev);
	CHECK_INT(tp, 10309773);
	int second;
	int v = badness_rank(&ev.snap, tp, &ev.kv, &second);
	CHECK_INT(v, find_pid(&ev.snap, 473206));   /* doxygen, as the kernel chose */
	CHECK_INT(second, find_pid(&ev.snap, 376692));
	if (v >= 0) {
		/* 2308581 + 5225427 + 60686336/4096 (= 14816) */
		CHECK_INT(ev.snap.tasks[v].badness, 7548824);
		/* (1000 + 7548824000/10309773 (= 732)) * 2/3 = 1154 */
		CHECK_INT(ev.snap.tasks[v].oom_score, 1154);
	}
	/* chrome adj 300: 2362 + 57194 + 1826816/4096 (446) + 300*10309 */
	if (second >= 0)
		CHECK_INT(ev.snap.tasks[second].badness, 3152702);
	event_release(&ev);
}

TEST(corpus_s04_memcg)
{
	static struct oom_event ev;
	event_init(&ev);
	ev.kind = OOM_KIND_MEMCG;
	CHECK_INT(kver_parse("5.15.158-2-pve", &ev.kv), 0);
	ev.snap.page_size_kib = 4;
	ev.snap.have_memcg = true;
	ev.snap.memcg.version = 2;
	ev.snap.memcg.limit_kib = 31211520;   /* "memory: usage 31211520kB, limit 31211520kB" */
	ev.snap.memcg.swap_limit_kib = 0;     /* "swap: usage 0kB, limit 0kB" */
	load(&ev.snap, s04_rows, ARRAY_SIZE(s04_rows), true);
	/* 31211520 / 4; no swap headroom; the report has no Total swap line */
	int64_t tp = badness_totalpages(&ev);
	CHECK_INT(tp, 7802880);
	int second;
	int v = badness_rank(&ev.snap, tp, &ev.kv, &second);
	CHECK_INT(v, find_pid(&ev.snap, 3902942));   /* php-fpm, as the kernel chose */
	CHECK_INT(second, find_pid(&ev.snap, 3589018));
	/* the victim's row: rss + swapents + pgtables_bytes/4096 = 3201932 pages
	 * (kill line: anon 12625252 kB + shmem 156088 kB = 3195335 pages rss,
	 * pgtables 26388 kB = 6597 pages) */
	if (v >= 0)
		CHECK_INT(ev.snap.tasks[v].badness, 3201932);
	event_release(&ev);
}

TEST(corpus_s06_debian510)
{
	static struct oom_event ev;
	event_init(&ev);
	ev.kind = OOM_KIND_GLOBAL;
	CHECK_INT(kver_parse("5.10.0-10-amd64", &ev.kv), 0);
	ev.snap.page_size_kib = 4;
	ev.snap.mem.ram_kib = 5241540LL * 4;
	ev.snap.mem.reserved_kib = 16538LL * 4;
	ev.snap.mem.swap_total_kib = 524284;
	load(&ev.snap, s06_rows, ARRAY_SIZE(s06_rows), true);
	/* (5241540 − 16538) + 524284/4 = 5225002 + 131071 */
	int64_t tp = badness_totalpages(&ev);
	CHECK_INT(tp, 5356073);
	int second;
	int v = badness_rank(&ev.snap, tp, &ev.kv, &second);
	CHECK_INT(v, find_pid(&ev.snap, 517));       /* clamd */
	CHECK_INT(second, find_pid(&ev.snap, 1682));
	if (v >= 0)
		CHECK_INT(ev.snap.tasks[v].badness, 530496);
	event_release(&ev);
}

TEST(totalpages_memcg_cpuset)
{
	static struct oom_event ev;
	event_init(&ev);
	ev.kind = OOM_KIND_MEMCG;
	ev.snap.page_size_kib = 4;
	ev.snap.have_memcg = true;
	struct oom_memcg *m = &ev.snap.memcg;
	m->version = 2;
	m->limit_kib = 524288;                     /* 512 MiB = 131072 pages */
	m->swap_limit_kib = 0;                     /* no swap: headroom 0, swap total not needed */
	CHECK_INT(badness_totalpages(&ev), 131072);
	m->swap_limit_kib = 65536;                 /* 64 MiB of swap allowed … */
	CHECK_INT(badness_totalpages(&ev), OOM_NA);  /* … but Total swap unknown */
	ev.snap.mem.swap_total_kib = 1048576;      /* 1 GiB: min(16384, 262144) */
	CHECK_INT(badness_totalpages(&ev), 131072 + 16384);
	ev.snap.mem.swap_total_kib = 32768;        /* 32 MiB: min(16384, 8192) */
	CHECK_INT(badness_totalpages(&ev), 131072 + 8192);
	m->swap_limit_kib = OOM_NA;                /* swap.max = max */
	CHECK_INT(badness_totalpages(&ev), 131072 + 8192);
	/* v1: memsw limit − limit = 100 MiB (25600 pages), swap 32 MiB (8192) */
	m->version = 1;
	m->memsw_limit_kib = 524288 + 102400;
	CHECK_INT(badness_totalpages(&ev), 131072 + 8192);
	m->memsw_limit_kib = 524288;               /* memsw == limit: no swap */
	CHECK_INT(badness_totalpages(&ev), 131072);
	/* S04 (5.15 pve, v2): limit 31211520 kB, swap limit 0 → 7802880 */
	m->version = 2;
	m->limit_kib = 31211520;
	m->swap_limit_kib = 0;
	CHECK_INT(badness_totalpages(&ev), 7802880);
	/* limit 0 → the kernel uses 1 */
	m->limit_kib = 0;
	CHECK_INT(badness_totalpages(&ev), 1);

	/* cpuset: Σ present pages of the allowed nodes + swap */
	ev.kind = OOM_KIND_CPUSET;
	ev.snap.mem.swap_total_kib = 0;
	struct oom_zone *z0 = snapshot_zone(&ev.snap, 0, "Normal");
	struct oom_zone *z1 = snapshot_zone(&ev.snap, 1, "Normal");
	z0->present_kib = 4194304;
	z1->present_kib = 4194304;
	snprintf(ev.mems_allowed, sizeof(ev.mems_allowed), "1");
	CHECK_INT(badness_totalpages(&ev), 1048576);
	snprintf(ev.mems_allowed, sizeof(ev.mems_allowed), "0-1");
	CHECK_INT(badness_totalpages(&ev), 2097152);
	snprintf(ev.mems_allowed, sizeof(ev.mems_allowed), "0,x");
	CHECK_INT(badness_totalpages(&ev), OOM_NA);
	/* global with MemTotal (live) */
	ev.kind = OOM_KIND_GLOBAL;
	ev.snap.mem.total_kib = 8388608;
	ev.snap.mem.swap_total_kib = 4096;
	CHECK_INT(badness_totalpages(&ev), 2097152 + 1024);
	ev.snap.mem.swap_total_kib = OOM_NA;
	CHECK_INT(badness_totalpages(&ev), OOM_NA);
	event_release(&ev);
}

TEST(live_self)
{
	char rel[128] = "";
	char *osr = slurp("/proc/sys/kernel/osrelease", NULL);
	if (!osr || !*osr) {
		free(osr);
		SKIP("no /proc/sys/kernel/osrelease");
		return;
	}
	snprintf(rel, sizeof(rel), "%.*s", (int)strcspn(osr, "\n"), osr);
	free(osr);
	struct kver v;
	if (kver_parse(rel, &v) < 0 || kver_cmp(&v, 3, 8, 0) < 0) {
		SKIP("kernel release unparsable or older than 3.8");
		return;
	}
	int64_t page_kib = sysconf(_SC_PAGESIZE) / 1024;
	int64_t mem = check_proc_kib("/proc/meminfo", "MemTotal");
	int64_t swp = check_proc_kib("/proc/meminfo", "SwapTotal");
	int64_t rss = check_proc_kib("/proc/self/status", "VmRSS");
	int64_t vswap = check_proc_kib("/proc/self/status", "VmSwap");
	int64_t pte = check_proc_kib("/proc/self/status", "VmPTE");
	int64_t adj = check_proc_int("/proc/self/oom_score_adj");
	int64_t score = check_proc_int("/proc/self/oom_score");
	if (!known(mem) || !known(swp) || !known(rss) || !known(pte) || !known(adj) || !known(score)) {
		SKIP("/proc/meminfo or /proc/self/status lacks the fields");
		return;
	}
	struct oom_task t;
	task_init(&t);
	t.pid = t.tgid = getpid();
	t.uid = getuid();
	t.rss_pages = rss / page_kib;
	t.swapents_pages = known(vswap) ? vswap / page_kib : 0;
	t.pgtables_bytes = pte * 1024;
	t.oom_score_adj = adj;
	int64_t tp = mem / page_kib + swp / page_kib;
	int64_t b = badness_for_era(&t, tp, page_kib, &v);
	int64_t predicted = oom_score_for_era(b, tp, &v);
	if (adj == -1000) {
		CHECK_INT(predicted, 0);
		CHECK_INT(score, 0);
		return;
	}
	printf("live %s: badness %lld pages, oom_score predicted %lld, kernel %lld\n", rel,
	       (long long)b, (long long)predicted, (long long)score);
	CHECK(predicted >= score - 1 && predicted <= score + 1);
}

/* A zombie leader killed through its live thread is not a child sacrifice;
 * a child with its own tgid before 5.1 is; 5.1+ never sacrifices. */
TEST(zombie_leader_is_not_a_sacrificed_child)
{
	static struct oom_event ev;
	event_init(&ev);
	ev.kv = kver_make(4, 4, 0);
	ev.victim.selected_pid = 100;
	ev.victim.pid = 101;
	struct oom_task *t = snapshot_add_task(&ev.snap);
	CHECK(t != NULL);
	if (!t)
		return;
	t->pid = 101;
	t->tgid = 101;
	CHECK(oom_victim_is_sacrificed_child(&ev));       /* a child: its own process */
	t->tgid = 100;
	CHECK(!oom_victim_is_sacrificed_child(&ev));      /* a thread of the selected process */
	t->tgid = 101;
	ev.kv = kver_make(6, 1, 0);
	CHECK(!oom_victim_is_sacrificed_child(&ev));      /* 5.1+: no sacrifice */
	ev.victim.pid = 100;
	ev.kv = kver_make(4, 4, 0);
	CHECK(!oom_victim_is_sacrificed_child(&ev));      /* the selected itself */
	event_release(&ev);
}

/* Node lists as the analysis uses them: "(null)", "" and a zone without
 * its node restrict nothing. */
TEST(node_allowed)
{
	CHECK(oom_node_allowed("0-1,3", 0));
	CHECK(oom_node_allowed("0-1,3", 3));
	CHECK(!oom_node_allowed("0-1,3", 2));
	CHECK(oom_node_allowed("(null)", 7));
	CHECK(oom_node_allowed("", 7));
	CHECK(oom_node_allowed(NULL, 7));
	CHECK(oom_node_allowed("1", -1));
	CHECK(!oom_node_allowed("1", 0));
}

/* Units and the memcg totalpages of mem_cgroup_get_max(), per swap setting. */
TEST(model_units_and_memcg_totalpages)
{
	CHECK_INT(oom_kib_to_pages(4096, 4), 1024);
	CHECK_INT(oom_pages_to_kib(1024, 4), 4096);
	CHECK(is_unlimited(oom_kib_to_pages(OOM_UNLIMITED, 4)));
	CHECK(!known(oom_kib_to_pages(OOM_NA, 4)));
	CHECK_INT(oom_nodelist_has("0-1,3", 3), 1);
	CHECK_INT(oom_nodelist_has("0-1,3", 2), 0);
	struct oom_memcg m;
	memcg_init(&m);
	m.version = 2;
	m.limit_kib = 262144;                 /* 256 MiB = 65536 pages */
	m.swap_limit_kib = OOM_UNLIMITED;
	CHECK_INT(memcg_totalpages(&m, 1048576, 60, 4), 65536 + 262144);   /* + all swap */
	m.swap_limit_kib = 4096;
	CHECK_INT(memcg_totalpages(&m, 1048576, 60, 4), 65536 + 1024);
	CHECK_INT(memcg_totalpages(&m, 1048576, 0, 4), 65536);             /* swappiness 0 */
	m.version = 1;
	m.swap_limit_kib = OOM_NA;
	m.memsw_limit_kib = 262144 + 8192;
	m.swappiness = 60;
	CHECK_INT(memcg_totalpages(&m, 1048576, 0, 4), 65536 + 2048);      /* v1: its own swappiness */
	m.limit_kib = OOM_UNLIMITED;
	CHECK(!known(memcg_totalpages(&m, 1048576, 60, 4)));
	CHECK_INT(badness_replaces(5, 5, &(struct kver){ .known = true, .major = 5, .minor = 10 }), 1);
	CHECK_INT(badness_replaces(5, 5, &(struct kver){ .known = true, .major = 4, .minor = 19 }), 0);
}

/* What killing cannot give back (model/badness.c, issue 10). */
static void unowned_memory(void)
{
	/* A cgroup: 256 MiB used, 10 MiB cache, processes hold 20 MiB: the
	 * rest (a tmpfs file nobody maps) is 226 MiB. */
	CHECK_INT(memcg_unowned_kib(262144, 10240, 20480), 231424);
	CHECK_INT(memcg_unowned_kib(262144, OOM_NA, 20480), 241664);   /* cache unknown: none */
	CHECK_INT(memcg_unowned_kib(30000, 10240, 20480), 0);          /* never negative */
	CHECK_INT(memcg_unowned_kib(OOM_NA, 0, 0), OOM_NA);
	/* The machine: 3 GiB shmem, 1 GiB of file pages mapped: at least 2 GiB
	 * of shmem no process maps. */
	CHECK_INT(machine_unmapped_shmem_kib(3145728, 1048576), 2097152);
	CHECK_INT(machine_unmapped_shmem_kib(1000, 5000), 0);
	CHECK_INT(machine_unmapped_shmem_kib(OOM_NA, 5000), OOM_NA);
	CHECK_INT(machine_unmapped_shmem_kib(1000, OOM_NA), OOM_NA);
}

int main(void)
{
	RUN(unowned_memory);
	RUN(eras_user_task);
	RUN(eras_root_bonus);
	RUN(eras_adj);
	RUN(ineligible);
	RUN(oom_score);
	RUN(ties);
	RUN(corpus_s01_rhel7);
	RUN(corpus_s03_arch61);
	RUN(corpus_s04_memcg);
	RUN(corpus_s06_debian510);
	RUN(totalpages_memcg_cpuset);
	RUN(live_self);
	RUN(zombie_leader_is_not_a_sacrificed_child);
	RUN(node_allowed);
	RUN(model_units_and_memcg_totalpages);
	return check_summary();
}
