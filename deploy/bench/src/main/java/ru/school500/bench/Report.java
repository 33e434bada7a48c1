package ru.school500.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** The figures of one run, written as {@code report.json}, {@code report.md} and {@code search-latency.png}. */
final class Report {

    /**
     * One line of the table. {@code ratio} = value / baseline where a baseline exists; {@code met} says whether
     * the target holds (null when there is no target).
     */
    record Figure(String key, String what, double value, String unit, String baselineWhat, Double baseline,
            Double ratio, String target, Boolean met, String note) {
    }

    private final String mode;
    private final OffsetDateTime date = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final Map<String, Map<Integer, LoadRun.Stats>> searchLevels = new LinkedHashMap<>();

    Report(String mode) {
        this.mode = mode;
    }

    List<Figure> figures() {
        return figures;
    }

    Map<String, Object> details() {
        return details;
    }

    void add(String key, String what, double value, String unit, String baselineWhat, Double baseline, String target,
            Boolean met, String note) {
        Double ratio = baseline == null || baseline == 0 ? null : Math.round(value / baseline * 100) / 100.0;
        figures.add(new Figure(key, what, round(value), unit, baselineWhat, baseline == null ? null : round(baseline),
                ratio, target, met, note));
    }

    void searchLevel(String target, int users, LoadRun.Stats stats) {
        searchLevels.computeIfAbsent(target, k -> new LinkedHashMap<>()).put(users, stats);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            machine.put("memoryGiB", Math.round(os.getTotalMemorySize() / 1024.0 / 1024 / 1024 * 10) / 10.0);
            machine.put("loadAverageAtEnd", round(os.getSystemLoadAverage()));
        }
        try {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
            machine.put("cpuModel", cpu);
        } catch (IOException e) {
            machine.put("cpuModel", "?");
        }
        return machine;
    }

    void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("mode", mode);
            json.put("date", date.toString());
            json.put("machine", machine());
            json.put("figures", figures);
            json.put("searchLevels", searchLevels);
            json.put("details", details);
            Files.writeString(directory.resolve("report.json"),
                    Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            Files.writeString(directory.resolve("report.md"), markdown());
            chart(directory.resolve("search-latency.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String markdown() {
        Map<String, Object> machine = machine();
        StringBuilder md = new StringBuilder();
        md.append("Benchmark `").append(mode).append("` of ").append(date).append(" on ").append(machine.get("cpus"))
                .append(" cores (").append(machine.get("cpuModel")).append("), ").append(machine.get("memoryGiB"))
                .append(" GiB, ").append(machine.get("java")).append(".\n\n");
        md.append("| figure | platform | baseline in the same run | ratio | target | met |\n");
        md.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Figure f : figures) {
            md.append("| ").append(f.what()).append(" | ").append(number(f.value())).append(' ').append(f.unit())
                    .append(f.note() == null ? "" : " (" + f.note() + ")").append(" | ")
                    .append(f.baseline() == null ? "—" : f.baselineWhat() + " " + number(f.baseline()) + ' ' + f.unit())
                    .append(" | ").append(f.ratio() == null ? "—" : "×" + number(f.ratio()))
                    .append(" | ").append(f.target() == null ? "—" : f.target())
                    .append(" | ").append(f.met() == null ? "—" : f.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\nSearch per concurrency level (ms, a refused request's wait for its Retry-After included; req/s; "
                + "429 = answers of the rate limiter; waited = refusals waited out and sent again):\n\n");
        md.append("| target | users | requests | p50 | p95 | p99 | max | req/s | errors | 429 | waited |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        searchLevels.forEach((target, levels) -> levels.forEach((users, s) -> md.append("| ").append(target)
                .append(" | ").append(users).append(" | ").append(s.requests()).append(" | ").append(number(s.p50()))
                .append(" | ").append(number(s.p95())).append(" | ").append(number(s.p99())).append(" | ")
                .append(number(s.max())).append(" | ").append(number(s.throughput())).append(" | ").append(s.errors())
                .append(" | ").append(s.throttled()).append(" | ").append(s.waited()).append(" |\n")));
        return md.toString();
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value)
                .replaceAll("\\.?0+$", "");
    }

    private void chart(Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        searchLevels.forEach((target, levels) -> levels.forEach((users, s) -> {
            data.addValue(s.p50(), target + " p50", users + (users == 1 ? " user" : " users"));
            data.addValue(s.p99(), target + " p99", users + (users == 1 ? " user" : " users"));
        }));
        JFreeChart chart = ChartFactory.createLineChart("Search latency per concurrency level (" + mode + ", "
                + date.toLocalDate() + ")", "concurrent users", "latency, ms", data, PlotOrientation.VERTICAL, true,
                false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        Color[] colours = { new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728) };
        for (int series = 0; series < data.getRowCount(); series++) {
            renderer.setSeriesPaint(series, colours[(series / 2) % colours.length]);
            renderer.setSeriesStroke(series, series % 2 == 0 ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f }, 0f));
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 500);
    }
}
