/* html.c — the HTML page and the drawings the commands share (see html.h).
 * Geometry is in SVG user units; each drawing scales to the page width with
 * a viewBox, so a printed page and a laptop screen show the same picture. */
#include <math.h>
#include <string.h>

#include "render/html.h"

void html_esc(FILE *f, const char *s)
{
	if (s)
		escape_html(f, s, strlen(s));
}

void html_kib(FILE *f, int64_t kib)
{
	char b[32];
	fputs(known(kib) ? fmt_kib(b, sizeof(b), kib) : "unknown", f);
}

/* Light by default, dark when the reader's system asks, black on white when
 * printed.  Fills are patterns (defined once in html_page_begin) whose
 * colours come from these variables, so a grey printout still tells the
 * segments apart. */
static const char css[] =
	":root{--bg:#fff;--fg:#1b1f24;--dim:#57606a;--line:#d0d7de;--box:#f6f8fa;--bad:#cf222e;--warn:#9a6700;"
	"--ok:#1a7f37;--info:#0969da;--anon:#e07b39;--file:#4e9bd6;--shmem:#b07cc6;--slabr:#8fbf7f;--slabu:#3f8f4f;"
	"--pgtab:#d4b13f;--kstack:#a0522d;--huge:#6c6cc0;--other:#9aa5b1;--unevict:#c04f7f;--free:#e9eef3;"
	"--unacc:#444c56;--swapused:#c0504d;--hatch:rgba(0,0,0,.45);color-scheme:light dark}"
	"@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--dim:#9198a1;--line:#3d444d;"
	"--box:#161b22;--bad:#ff7b72;--warn:#d29922;--ok:#3fb950;--info:#58a6ff;--free:#262c36;--unacc:#adbac7;"
	"--hatch:rgba(255,255,255,.45)}}"
	"@media print{:root{--bg:#fff;--fg:#000;--dim:#333;--box:#fff;--free:#fff}"
	"section.event,figure,table{break-inside:avoid}a{color:inherit}}"
	"body{background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;"
	"margin:0 auto;max-width:1100px;padding:1em 1.5em}"
	"h1{font-size:1.6em;margin:.3em 0}h2{font-size:1.35em;margin:1.2em 0 .3em;border-bottom:2px solid var(--line)}"
	"h3{font-size:1.1em;margin:1em 0 .3em}.dim{color:var(--dim)}code,.mono{font-family:ui-monospace,monospace}"
	".verdict{border:2px solid var(--line);border-left:8px solid var(--bad);background:var(--box);"
	"padding:.6em 1em;margin:.5em 0}.verdict.none{border-left-color:var(--warn)}"
	".verdict p{margin:.3em 0}.big{font-size:1.15em;font-weight:600}"
	".sev{display:inline-block;padding:0 .4em;border:1px solid;border-radius:3px;font-size:.85em;"
	"font-weight:600;text-transform:uppercase}.sev.critical{color:var(--bad)}.sev.warning{color:var(--warn)}"
	".sev.info{color:var(--info)}ol.findings>li{margin:.4em 0}.ev{color:var(--dim)}"
	"table{border-collapse:collapse;margin:.4em 0;font-variant-numeric:tabular-nums}"
	"th,td{border-bottom:1px solid var(--line);padding:.15em .5em;text-align:left;vertical-align:top}"
	"td.n,th.n{text-align:right}tr.victim td{font-weight:700;background:var(--box)}"
	".tag{font-size:.8em;font-weight:700;border:1px solid;padding:0 .3em;border-radius:3px;margin-left:.3em}"
	".tag.victim{color:var(--bad)}.tag.adj{color:var(--warn)}"
	"figure{margin:.6em 0}figcaption{font-weight:600;margin-bottom:.2em}svg{max-width:100%;height:auto}"
	"svg text{fill:var(--fg);font:13px system-ui,sans-serif}svg .dimt{fill:var(--dim)}"
	".c-anon{fill:var(--anon)}.c-file{fill:var(--file)}.c-shmem{fill:var(--shmem)}.c-slabr{fill:var(--slabr)}"
	".c-slabu{fill:var(--slabu)}.c-pgtab{fill:var(--pgtab)}.c-kstack{fill:var(--kstack)}.c-huge{fill:var(--huge)}"
	".c-other{fill:var(--other)}.c-unevict{fill:var(--unevict)}.c-free{fill:var(--free)}"
	".c-unacc{fill:var(--unacc)}.c-swapused{fill:var(--swapused)}.hatch{stroke:var(--hatch);stroke-width:1.5;fill:none}"
	".hatchd{fill:var(--hatch)}.frame{fill:none;stroke:var(--fg);stroke-width:1}"
	".mark{stroke:var(--fg);stroke-width:2}.mark.min{stroke-dasharray:2 2}.mark.low{stroke-dasharray:6 3}"
	".mark.need{stroke:var(--bad);stroke-width:3}.reserve{fill:url(#p-unacc);opacity:.5}"
	".zf.ok{fill:url(#p-slabr)}.zf.bad{fill:url(#p-anon)}.zf.warn{fill:url(#p-pgtab)}.zf.na{fill:url(#p-other)}"
	".hm0{fill:var(--box)}.hm1{fill:var(--file);opacity:.25}.hm2{fill:var(--file);opacity:.45}"
	".hm3{fill:var(--file);opacity:.65}.hm4{fill:var(--file);opacity:.85}.hm5{fill:var(--file)}"
	".reqcol{fill:none;stroke:var(--bad);stroke-width:3;stroke-dasharray:8 4}"
	".axis{stroke:var(--dim);stroke-width:1}.grid{stroke:var(--line);stroke-width:1}"
	".ln{fill:none;stroke-width:2.5}.ln.avail{stroke:var(--info)}.ln.memavail{stroke:var(--slabu);stroke-dasharray:10 4}"
	".ln.psi-some{stroke:var(--warn)}.ln.psi-full{stroke:var(--bad);stroke-dasharray:6 3}"
	".ln.task1{stroke:var(--anon)}.ln.task2{stroke:var(--shmem);stroke-dasharray:8 3}"
	".ln.task3{stroke:var(--kstack);stroke-dasharray:2 3}.ln.task4{stroke:var(--huge);stroke-dasharray:12 3 2 3}"
	".ln.task5{stroke:var(--pgtab);stroke-dasharray:4 4}"
	".hl{stroke-width:2;stroke-dasharray:5 4}.hl.term{stroke:var(--warn)}.hl.kill{stroke:var(--bad)}"
	".hl.limit{stroke:var(--dim)}.vl{stroke:var(--bad);stroke-width:3}"
	".swatch{display:inline-block;vertical-align:middle;margin-right:.3em}"
	".legend td{border:0;padding:.05em .6em .05em 0}nav.toc a{margin-right:.6em}"
	"footer{margin-top:2em;color:var(--dim);font-size:.9em}";

/* One pattern per segment class: a colour and a texture of its own. */
static const struct { const char *cls; const char *tex; } patterns[] = {
	{ "anon", "<path class=\"hatch\" d=\"M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6\"/>" },
	{ "file", "<path class=\"hatch\" d=\"M0,2 H8 M0,6 H8\"/>" },
	{ "shmem", "<path class=\"hatch\" d=\"M0,8 L8,0 M0,0 L8,8\"/>" },
	{ "slabr", "<circle class=\"hatchd\" cx=\"4\" cy=\"4\" r=\"1.2\"/>" },
	{ "slabu", "<circle class=\"hatchd\" cx=\"2\" cy=\"2\" r=\"1.2\"/><circle class=\"hatchd\" cx=\"6\" cy=\"6\" r=\"1.2\"/>" },
	{ "pgtab", "<path class=\"hatch\" d=\"M2,0 V8 M6,0 V8\"/>" },
	{ "kstack", "<path class=\"hatch\" d=\"M0,0 L8,8 M-2,6 L2,10 M6,-2 L10,2\"/>" },
	{ "huge", "<path class=\"hatch\" d=\"M0,4 H8 M4,0 V8\"/>" },
	{ "other", "<circle class=\"hatchd\" cx=\"4\" cy=\"4\" r=\".8\"/>" },
	{ "unevict", "<path class=\"hatch\" style=\"stroke-width:3\" d=\"M0,8 L8,0\"/>" },
	{ "free", "" },
	{ "unacc", "<path class=\"hatch\" d=\"M0,4 L4,0 L8,4 L4,8 Z\"/>" },
	{ "swapused", "<path class=\"hatch\" d=\"M0,0 L8,8 M0,8 L8,0 M0,4 H8\"/>" },
};

void html_page_begin(FILE *f, const char *title)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"oomkit " OOMKIT_VERSION "\">\n"
	      /* nothing may be fetched or run, whatever a string holds */
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
	      "img-src data:\">\n<title>", f);
	html_esc(f, title);
	fputs("</title>\n<style>", f);
	fputs(css, f);
	fputs("</style>\n</head>\n<body>\n<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\">"
	      "<defs>", f);
	for (size_t i = 0; i < ARRAY_SIZE(patterns); i++)
		fprintf(f, "<pattern id=\"p-%s\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
			"<rect class=\"c-%s\" width=\"8\" height=\"8\"/>%s</pattern>", patterns[i].cls, patterns[i].cls,
			patterns[i].tex);
	fputs("</defs></svg>\n", f);
}

void html_page_end(FILE *f)
{
	fputs("<footer>Made by oomkit " OOMKIT_VERSION ": one self-contained file, no script, nothing fetched. "
	      "Every name in it is shown as text.</footer>\n</body>\n</html>\n", f);
}

/* ---- findings ------------------------------------------------------------------ */

const char *html_finding_confidence(const struct finding *x)
{
	return x->confidence == CONF_UNSET ? NULL : confidence_name(x->confidence);
}

const char *html_finding_basis(const struct finding *x, char *buf, size_t len)
{
	return finding_basis_text(x, buf, len)[0] ? buf : NULL;
}

void html_finding(FILE *f, const struct finding *x)
{
	fprintf(f, "<li><span class=\"sev %s\">%s</span> <code>", severity_name(x->severity),
		severity_name(x->severity));
	html_esc(f, x->id);
	fputs("</code>: ", f);
	html_esc(f, x->summary);
	char bb[512];
	const char *conf = html_finding_confidence(x), *basis = html_finding_basis(x, bb, sizeof(bb));
	if (conf || basis) {
		fputs(" <span class=\"dim\">(", f);
		if (conf) {
			fputs("confidence ", f);
			html_esc(f, conf);
		}
		if (basis) {
			fputs(conf ? "; basis " : "basis ", f);
			html_esc(f, basis);
		}
		fputs(")</span>", f);
	}
	if (x->nr_evidence) {
		fputs("<ul class=\"ev\">", f);
		for (int k = 0; k < x->nr_evidence; k++) {
			fputs("<li>evidence: ", f);
			html_esc(f, x->evidence[k]);
			fputs("</li>", f);
		}
		fputs("</ul>", f);
	}
	if (x->nr_advice) {
		fputs("<ul class=\"advice\">", f);
		for (int k = 0; k < x->nr_advice; k++) {
			fputs("<li><strong>advice:</strong> ", f);
			html_esc(f, x->advice[k]);
			fputs("</li>", f);
		}
		fputs("</ul>", f);
	}
	fputs("</li>\n", f);
}

/* ---- stacked bar ------------------------------------------------------------------ */

double html_bar_width(int64_t kib, int64_t whole, double w)
{
	if (!known(kib) || !known(whole) || kib <= 0 || whole <= 0)
		return 0;
	return (double)kib * w / (double)whole;
}

static void swatch(FILE *f, const char *cls)
{
	fprintf(f, "<svg class=\"swatch\" width=\"22\" height=\"14\" viewBox=\"0 0 22 14\" aria-hidden=\"true\">"
		"<rect width=\"22\" height=\"14\" fill=\"url(#p-%s)\" stroke=\"currentColor\"/></svg>", cls);
}

void html_stacked_bar(FILE *f, const char *id, const char *caption, const struct html_seg *segs, int n,
		      int64_t whole_kib)
{
	int64_t sum = 0;
	for (int i = 0; i < n; i++)
		if (known(segs[i].kib) && segs[i].kib > 0)
			sum = sat_add(sum, segs[i].kib);
	int64_t whole = known(whole_kib) && whole_kib > sum ? whole_kib : sum;
	fprintf(f, "<figure id=\"%s\"><figcaption>", id);
	html_esc(f, caption);
	fputs("</figcaption>\n", f);
	if (whole <= 0) {
		fputs("<p class=\"dim\">No figures in the source to draw.</p></figure>\n", f);
		return;
	}
	const double H = 56;
	fprintf(f, "<svg class=\"bar\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" "
		"data-whole-kib=\"%lld\" aria-label=\"", HTML_BAR_W + 2, H + 2, HTML_BAR_W + 2, H + 2, (long long)whole);
	html_esc(f, caption);
	fputs("\">", f);
	double x = 1;
	for (int i = 0; i < n; i++) {
		double w = html_bar_width(segs[i].kib, whole, HTML_BAR_W);
		if (w <= 0)
			continue;
		char b[32];
		fprintf(f, "<rect class=\"seg %s\" x=\"%.2f\" y=\"1\" width=\"%.2f\" height=\"%.0f\" fill=\"url(#p-%s)\" "
			"data-kib=\"%lld\"><title>", segs[i].cls, x, w, H, segs[i].cls, (long long)segs[i].kib);
		html_esc(f, segs[i].label);
		fprintf(f, ": %s</title></rect>", fmt_kib(b, sizeof(b), segs[i].kib));
		/* a label inside when it fits; the legend below names every one */
		if (w >= 90) {
			fprintf(f, "<text x=\"%.1f\" y=\"%.0f\" style=\"paint-order:stroke;stroke:var(--bg);stroke-width:3\">",
				x + 4, H / 2 + 5);
			html_esc(f, segs[i].label);
			fputs("</text>", f);
		}
		x += w;
	}
	fprintf(f, "<rect class=\"frame\" x=\"1\" y=\"1\" width=\"%.0f\" height=\"%.0f\"/></svg>\n", HTML_BAR_W, H);
	fputs("<table class=\"legend\">", f);
	for (int i = 0; i < n; i++) {
		fputs("<tr><td>", f);
		swatch(f, segs[i].cls);
		html_esc(f, segs[i].label);
		fputs("</td><td class=\"n\">", f);
		html_kib(f, segs[i].kib);
		fputs("</td><td class=\"n\">", f);
		double pct = known(segs[i].kib) && segs[i].kib >= 0 ? (double)segs[i].kib * 100.0 / (double)whole : -1;
		if (pct > 0 && pct < 0.05)
			fputs("&lt; 0.1 %", f);   /* there, but too small to draw */
		else if (pct >= 0)
			fprintf(f, "%.1f %%", pct);
		fputs("</td></tr>", f);
	}
	fputs("<tr><td>the whole bar</td><td class=\"n\">", f);
	html_kib(f, whole);
	fputs("</td><td></td></tr></table></figure>\n", f);
}

/* ---- zones ------------------------------------------------------------------------ */

static int64_t max64(int64_t a, int64_t b)
{
	if (!known(a))
		return b;
	if (!known(b))
		return a;
	return a > b ? a : b;
}

/* A watermark's line, and its label unless the previous label of that row
 * (*last_x) is too close to read: the table below gives every number. */
static void zone_mark(FILE *f, const char *cls, const char *label, int64_t kib, double x0, double w, int64_t scale,
		      double y, double h, double ty, double *last_x)
{
	if (!known(kib) || kib < 0)
		return;
	double x = x0 + html_bar_width(kib, scale, w);
	fprintf(f, "<line class=\"mark %s\" x1=\"%.2f\" x2=\"%.2f\" y1=\"%.0f\" y2=\"%.0f\"/>", cls, x, x, y - 3,
		y + h + 3);
	if (x - *last_x < 40 && *last_x - x < 40)
		return;
	fprintf(f, "<text x=\"%.2f\" y=\"%.0f\" text-anchor=\"middle\" class=\"dimt\">%s</text>", x, ty, label);
	*last_x = x;
}

void html_zone_chart(FILE *f, const char *caption, const struct html_zone_row *rows, int n)
{
	fputs("<figure class=\"zones\"><figcaption>", f);
	html_esc(f, caption);
	fputs("</figcaption>\n", f);
	if (n == 0) {
		fputs("<p class=\"dim\">The zone lines are not in the source.</p></figure>\n", f);
		return;
	}
	const double name_w = 150, bar_w = 640, x0 = name_w, row_h = 62, bar_h = 22;
	double H = row_h * n + 8;
	fprintf(f, "<svg viewBox=\"0 0 960 %.0f\" width=\"960\" height=\"%.0f\" role=\"img\" aria-label=\"", H, H);
	html_esc(f, caption);
	fputs("\">", f);
	for (int i = 0; i < n; i++) {
		const struct html_zone_row *z = &rows[i];
		double y = row_h * i + 20;
		/* each zone on its own scale: DMA's megabytes and Normal's
		 * gigabytes never share one */
		int64_t scale = max64(max64(max64(z->free_kib, z->high_kib), z->need_kib), z->min_kib);
		if (!known(scale) || scale <= 0)
			scale = 1;
		scale = scale + scale / 8 + 1;
		fprintf(f, "<g class=\"zone\" data-scale-kib=\"%lld\"><text x=\"0\" y=\"%.0f\">", (long long)scale,
			y + 16);
		html_esc(f, z->name);
		fputs("</text>", f);
		fprintf(f, "<rect class=\"frame\" x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\"/>", x0, y, bar_w, bar_h);
		if (known(z->min_kib) && known(z->need_kib) && z->need_kib > z->min_kib) {
			double rx = x0 + html_bar_width(z->min_kib, scale, bar_w);
			double rw = html_bar_width(z->need_kib - z->min_kib, scale, bar_w);
			fprintf(f, "<rect class=\"reserve\" x=\"%.2f\" y=\"%.0f\" width=\"%.2f\" height=\"%.0f\">"
				"<title>lowmem_reserve kept for higher zones</title></rect>", rx, y, rw, bar_h);
		}
		char b[32];
		double fw = html_bar_width(z->free_kib, scale, bar_w);
		fprintf(f, "<rect class=\"zf %s\" x=\"%.0f\" y=\"%.0f\" width=\"%.2f\" height=\"%.0f\" data-kib=\"%lld\">"
			"<title>free %s</title></rect>", z->cls, x0, y + 4, fw, bar_h - 8, (long long)z->free_kib,
			known(z->free_kib) ? fmt_kib(b, sizeof(b), z->free_kib) : "unknown");
		double top_x = -1000, bottom_x = -1000;
		zone_mark(f, "min", "min", z->min_kib, x0, bar_w, scale, y, bar_h, y - 6, &top_x);
		zone_mark(f, "high", "high", z->high_kib, x0, bar_w, scale, y, bar_h, y - 6, &top_x);
		/* "needed" before "low": when they crowd, the one that decides stays */
		if (known(z->need_kib) && z->need_kib != z->min_kib)
			zone_mark(f, "need", "needed", z->need_kib, x0, bar_w, scale, y, bar_h, y + bar_h + 15, &bottom_x);
		zone_mark(f, "low", "low", z->low_kib, x0, bar_w, scale, y, bar_h, y + bar_h + 15, &bottom_x);
		fprintf(f, "<text x=\"%.0f\" y=\"%.0f\">free ", x0 + bar_w + 12, y + 10);
		html_kib(f, z->free_kib);
		fprintf(f, "</text><text x=\"%.0f\" y=\"%.0f\" style=\"font-weight:700\">", x0 + bar_w + 12, y + 27);
		html_esc(f, z->verdict);
		fputs("</text></g>", f);
	}
	fputs("</svg>\n<table><thead><tr><th>zone</th><th class=\"n\">free</th><th class=\"n\">min</th>"
	      "<th class=\"n\">low</th><th class=\"n\">high</th><th class=\"n\">lowmem_reserve</th>"
	      "<th class=\"n\">needed</th><th>verdict</th></tr></thead><tbody>", f);
	for (int i = 0; i < n; i++) {
		const struct html_zone_row *z = &rows[i];
		fputs("<tr><td>", f);
		html_esc(f, z->name);
		const int64_t v[] = { z->free_kib, z->min_kib, z->low_kib, z->high_kib, z->reserve_kib, z->need_kib };
		for (size_t k = 0; k < ARRAY_SIZE(v); k++) {
			fputs("</td><td class=\"n\">", f);
			html_kib(f, v[k]);
		}
		fputs("</td><td>", f);
		html_esc(f, z->verdict);
		fputs("</td></tr>", f);
	}
	fputs("</tbody></table>\n<p class=\"dim\">The allocator takes a page from a zone only while free stays above "
	      "the watermark plus the <code>lowmem_reserve</code> the zone keeps for requests that could have used a "
	      "higher zone (mm/page_alloc.c, <code>__zone_watermark_ok</code>). Each zone is drawn on its own scale.</p>"
	      "</figure>\n", f);
}

void html_zone_row_fill(struct html_zone_row *r, const struct oom_zone *z)
{
	memset(r, 0, sizeof(*r));
	if (z->node >= 0)
		snprintf(r->name, sizeof(r->name), "node %d ", z->node);
	size_t l = strlen(r->name);
	str_copy(r->name + l, sizeof(r->name) - l, z->name, strlen(z->name));
	r->free_kib = z->free_kib;
	r->min_kib = z->min_kib;
	r->low_kib = z->low_kib;
	r->high_kib = z->high_kib;
	r->reserve_kib = r->need_kib = OOM_NA;
	r->verdict = "unknown";
	r->cls = "na";
}

void html_badness_bar(FILE *f, int64_t points, int64_t top, bool first)
{
	if (!known(points) || points <= 0 || !known(top) || top <= 0)
		return;
	fprintf(f, "<svg width=\"120\" height=\"12\" viewBox=\"0 0 120 12\" aria-hidden=\"true\">"
		"<rect class=\"frame\" x=\".5\" y=\".5\" width=\"119\" height=\"11\"/>"
		"<rect x=\"1\" y=\"1\" width=\"%.1f\" height=\"10\" fill=\"url(#p-%s)\"/></svg>",
		html_bar_width(points, top, 118), first ? "swapused" : "anon");
}

/* ---- buddy heat map -------------------------------------------------------------- */

static int heat(int64_t blocks)
{
	if (!known(blocks) || blocks <= 0)
		return 0;
	if (blocks < 10) return 1;
	if (blocks < 100) return 2;
	if (blocks < 1000) return 3;
	if (blocks < 10000) return 4;
	return 5;
}

static void mt_letters(char *dst, unsigned t)
{
	static const struct { unsigned bit; char c; } l[] = {
		{ MT_UNMOVABLE, 'U' }, { MT_MOVABLE, 'M' }, { MT_RECLAIMABLE, 'E' }, { MT_HIGHATOMIC, 'H' },
		{ MT_RESERVE, 'R' }, { MT_CMA, 'C' }, { MT_ISOLATE, 'I' },
	};
	size_t k = 0;
	for (size_t i = 0; i < ARRAY_SIZE(l); i++)
		if (t & l[i].bit)
			dst[k++] = l[i].c;
	dst[k] = '\0';
}

void html_buddy_map(FILE *f, const struct oom_snapshot *s, int64_t page_size_kib, int64_t order, const bool *usable)
{
	int rows = 0, cols = 0;
	bool letters = false;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++)
		if (s->zones[i].nr_orders > 0) {
			rows++;
			if (s->zones[i].nr_orders > cols)
				cols = s->zones[i].nr_orders;
			letters |= s->zones[i].free_types_known;
		}
	fputs("<figure class=\"buddy\"><figcaption>Free blocks per order (buddy allocator)</figcaption>\n", f);
	if (rows == 0) {
		fputs("<p class=\"dim\">The free-block lines are not in the source.</p></figure>\n", f);
		return;
	}
	const double name_w = 150, cw = 70, ch = 34, top = 40;
	double W = name_w + cw * cols + 4, H = top + ch * rows + 30;
	fprintf(f, "<svg viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" "
		"aria-label=\"free blocks per zone and order\">", W, H, W, H);
	for (int o = 0; o < cols; o++) {
		char sz[32] = "";
		if (known(page_size_kib) && page_size_kib > 0 && o < 40)
			fmt_kib(sz, sizeof(sz), page_size_kib << o);
		fprintf(f, "<text x=\"%.0f\" y=\"16\" text-anchor=\"middle\">order %d</text>"
			"<text x=\"%.0f\" y=\"32\" text-anchor=\"middle\" class=\"dimt\">%s</text>",
			name_w + cw * o + cw / 2, o, name_w + cw * o + cw / 2, sz);
	}
	int r = 0;
	for (int i = 0; i < s->nr_zones && i < OOM_MAX_ZONES; i++) {
		const struct oom_zone *z = &s->zones[i];
		if (z->nr_orders <= 0)
			continue;
		double y = top + ch * r++;
		fprintf(f, "<text x=\"0\" y=\"%.0f\"%s>", y + ch / 2 + 5, usable && !usable[i] ? " class=\"dimt\"" : "");
		if (z->node >= 0)
			fprintf(f, "%d ", z->node);
		html_esc(f, z->name);
		if (usable && !usable[i])
			fputs(" (not usable)", f);
		fputs("</text>", f);
		for (int o = 0; o < z->nr_orders && o < OOM_MAX_ORDERS; o++) {
			double x = name_w + cw * o;
			char lt[8];
			mt_letters(lt, z->free_types_known ? z->free_types[o] : 0);
			fprintf(f, "<rect class=\"hm%d\" x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" data-blocks=\"%lld\"/>"
				"<rect class=\"frame\" x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" style=\"stroke:var(--line)\"/>",
				heat(z->free_blocks[o]), x, y, cw, ch, (long long)z->free_blocks[o], x, y, cw, ch);
			fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" style=\"paint-order:stroke;stroke:var(--bg);"
				"stroke-width:3\">%lld</text>", x + cw / 2, y + (lt[0] ? 15 : 22), (long long)z->free_blocks[o]);
			if (lt[0])
				fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" class=\"dimt\" style=\"font-size:11px\">%s</text>",
					x + cw / 2, y + 29, lt);
		}
	}
	if (known(order) && order >= 0 && order < cols) {
		double x = name_w + cw * (double)order;
		fprintf(f, "<rect class=\"reqcol\" x=\"%.1f\" y=\"2\" width=\"%.0f\" height=\"%.0f\"/>"
			"<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" style=\"font-weight:700\">requested order %lld</text>",
			x + 1.5, cw - 3, top + ch * rows - 2, x + cw / 2, top + ch * rows + 20, (long long)order);
	}
	fputs("</svg>\n<p class=\"dim\">Each cell: free blocks of that order (darker: more)", f);
	if (letters)
		fputs("; letters: migratetypes with free blocks (U unmovable, M movable, E reclaimable, H high-atomic, "
		      "R reserve, C CMA, I isolate)", f);
	fputs(". A request of order N needs one free block of order N or more in a zone that passes its "
	      "watermark.</p></figure>\n", f);
}

/* ---- line chart ----------------------------------------------------------------------- */

/* A round grid step (1, 2 or 5 × 10^k) giving about five lines; no libm. */
static double nice_step(double range)
{
	if (!(range > 0) || !isfinite(range))
		return 1;
	double raw = range / 5, p = 1;
	while (p * 10 <= raw)
		p *= 10;
	while (p > raw)
		p /= 10;
	double m = raw / p;
	return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

static double dmin(double a, double b) { return a < b ? a : b; }
static double dmax(double a, double b) { return a > b ? a : b; }
/* ceil(x / step) * step for the grid, without libm */
static double ceil_to(double x, double step)
{
	double n = (double)(int64_t)(x / step);
	if (n * step < x)
		n += 1;
	return n * step;
}

void html_line_chart(FILE *f, const char *caption, const char *y_unit, const struct html_series *s, int ns,
		     const struct html_hline *h, int nh, const struct html_vline *v, int nv)
{
	double xmin = INFINITY, xmax = -INFINITY, ymax = 0;
	for (int k = 0; k < ns; k++)
		for (int i = 0; i < s[k].n; i++) {
			if (isnan(s[k].y[i]))
				continue;
			xmin = dmin(xmin, s[k].x[i]);
			xmax = dmax(xmax, s[k].x[i]);
			ymax = dmax(ymax, s[k].y[i]);
		}
	for (int k = 0; k < nh; k++)
		ymax = dmax(ymax, h[k].y);
	for (int k = 0; k < nv; k++) {
		xmin = dmin(xmin, v[k].x);
		xmax = dmax(xmax, v[k].x);
	}
	fputs("<figure class=\"chart\"><figcaption>", f);
	html_esc(f, caption);
	fputs("</figcaption>\n", f);
	if (!isfinite(xmin)) {
		fputs("<p class=\"dim\">Nothing recorded to draw.</p></figure>\n", f);
		return;
	}
	if (xmax - xmin < 1)
		xmin = xmax - 1;
	if (ymax <= 0)
		ymax = 1;
	double step = nice_step(ymax * 1.05);
	ymax = ceil_to(ymax * 1.05, step);
	const double L = 80, R = 200, T = 14, B = 36, W = 960, Hh = 280, pw = W - L - R, ph = Hh - T - B;
#define PX(xv) (L + ((xv) - xmin) * pw / (xmax - xmin))
#define PY(yv) (T + ph - (yv) * ph / ymax)
	fprintf(f, "<svg viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"", W, Hh, W, Hh);
	html_esc(f, caption);
	fputs("\">", f);
	for (int i = 0; i * step <= ymax + step / 2; i++) {
		double y = i * step;
		fprintf(f, "<line class=\"grid\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\"/>"
			"<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" class=\"dimt\">%g %s</text>", L, L + pw, PY(y), PY(y),
			L - 6, PY(y) + 4, y, y_unit);
	}
	double xs = nice_step(xmax - xmin), x0 = ceil_to(xmin, xs);
	for (int i = 0; x0 + i * xs <= xmax + xs / 1000; i++) {
		double x = x0 + i * xs;
		if (x < xs / 1e6 && x > -xs / 1e6)
			x = 0;   /* not -5.55112e-17 */
		fprintf(f, "<line class=\"axis\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.0f\" y2=\"%.0f\"/>"
			"<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\" class=\"dimt\">%g s</text>", PX(x), PX(x),
			T + ph, T + ph + 5, PX(x), T + ph + 20, x);
	}
	fprintf(f, "<line class=\"axis\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\"/>", L, L + pw, T + ph, T + ph);
	double last_ty = -100;
	for (int k = 0; k < nh; k++) {
		/* labels of close thresholds stacked, not printed over each other */
		double ty = PY(h[k].y) + 4;
		if (ty < last_ty + 14 && ty > last_ty - 14)
			ty = last_ty + 14;
		last_ty = ty;
		fprintf(f, "<line class=\"hl %s\" x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\"/>"
			"<text x=\"%.0f\" y=\"%.1f\">%s</text>", h[k].cls, L, L + pw, PY(h[k].y), PY(h[k].y), L + pw + 6,
			ty, h[k].label);
	}
	for (int k = 0; k < nv; k++)
		fprintf(f, "<line class=\"vl\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.0f\" y2=\"%.0f\"/>"
			"<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"end\" style=\"font-weight:700\">%s</text>", PX(v[k].x),
			PX(v[k].x), T, T + ph, PX(v[k].x) - 4, T + 12, v[k].label);
	for (int k = 0; k < ns; k++) {
		bool open = false;
		for (int i = 0; i <= s[k].n; i++) {
			bool pt = i < s[k].n && !isnan(s[k].y[i]);
			if (!pt) {
				if (open)
					fputs("\"/>", f);
				open = false;
				continue;
			}
			if (!open)
				fprintf(f, "<polyline class=\"ln %s\" points=\"", s[k].cls);
			else
				fputc(' ', f);
			fprintf(f, "%.1f,%.1f", PX(s[k].x[i]), PY(s[k].y[i]));
			open = true;
		}
		/* a marker on every sample: a lone sample still shows */
		for (int i = 0; i < s[k].n; i++)
			if (!isnan(s[k].y[i]))
				fprintf(f, "<circle class=\"ln %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>", s[k].cls,
					PX(s[k].x[i]), PY(s[k].y[i]));
	}
#undef PX
#undef PY
	fputs("</svg>\n<table class=\"legend\">", f);
	for (int k = 0; k < ns; k++) {
		fprintf(f, "<tr><td><svg class=\"swatch\" width=\"40\" height=\"10\" viewBox=\"0 0 40 10\" aria-hidden=\"true\">"
			"<line class=\"ln %s\" x1=\"0\" x2=\"40\" y1=\"5\" y2=\"5\"/></svg>", s[k].cls);
		html_esc(f, s[k].label);
		fputs("</td></tr>", f);
	}
	fputs("</table></figure>\n", f);
}
