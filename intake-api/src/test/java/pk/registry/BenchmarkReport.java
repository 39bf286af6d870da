package pk.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one report of every benchmark (not a test). Each benchmark adds its figure, its
 * baseline's and the cost per item (a household imported, rescored or deleted; a verification
 * answered) to the file named by {@code -Dbenchmark.report}, one
 * tab-separated line per run; {@code main} turns the lines into a Markdown report: per
 * benchmark, a row per size with the ratio, and how the cost per household grew from the
 * smallest registry to the largest (flat is what we want).
 * <p>
 * {@code ./benchmark all} runs every benchmark at every size and writes the report.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /** One measured run, as a line of the report's data. */
    record Line(String benchmark, long households, String figure, double value, String baselineFigure,
            double baseline, double microsPerHousehold) {

        static Line parse(String tsv) {
            String[] cells = tsv.split("\t");
            return new Line(cells[0], Long.parseLong(cells[1]), cells[2], Double.parseDouble(cells[3]), cells[4],
                    Double.parseDouble(cells[5]), Double.parseDouble(cells[6]));
        }

        String tsv() {
            return String.join("\t", benchmark, Long.toString(households), figure, Double.toString(value), baselineFigure,
                    Double.toString(baseline), Double.toString(microsPerHousehold));
        }

        double ratio() {
            return value / baseline;
        }
    }

    /** Adds a run to the report being written, if any ({@code -Dbenchmark.report=file}). */
    public static void add(String benchmark, long households, String figure, double value, String baselineFigure,
            double baseline, double microsPerHousehold) {
        String file = System.getProperty("benchmark.report");
        if (file == null || file.isBlank()) {
            return;
        }
        String line = new Line(benchmark, households, figure, value, baselineFigure, baseline, microsPerHousehold).tsv()
                + System.lineSeparator();
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** {@code BenchmarkReport <lines.tsv> <report.md>}. */
    public static void main(String[] args) throws IOException {
        List<Line> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).map(Line::parse).toList();
        Files.writeString(Path.of(args[1]), render(lines), StandardCharsets.UTF_8);
        System.out.print(render(lines));
    }

    static String render(List<Line> lines) {
        Map<String, List<Line>> byBenchmark = new LinkedHashMap<>();
        for (Line line : lines) {
            byBenchmark.computeIfAbsent(line.benchmark(), name -> new ArrayList<>()).add(line);
        }
        StringBuilder report = new StringBuilder("# Benchmark report\n\n");
        report.append(String.format(Locale.ROOT, "%d cores, Java %s, max heap per run as `./benchmark` sets it. "
                + "Each figure and its baseline ran in the same process; the ratio is figure / baseline.%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        byBenchmark.forEach((benchmark, runs) -> {
            runs.sort(Comparator.comparingLong(Line::households));
            Line first = runs.get(0);
            report.append("\n## ").append(benchmark).append("\n\n");
            report.append("| households | ").append(first.figure()).append(" | ").append(first.baselineFigure())
                    .append(" | ratio | µs per item |\n|---:|---:|---:|---:|---:|\n");
            for (Line run : runs) {
                report.append(String.format(Locale.ROOT, "| %,d | %,.0f | %,.0f | %.2f | %,.1f |%n", run.households(),
                        run.value(), run.baseline(), run.ratio(), run.microsPerHousehold()));
            }
            Line last = runs.get(runs.size() - 1);
            if (runs.size() > 1) {
                report.append(String.format(Locale.ROOT, "%nCost per item from %,d to %,d households: x%.2f "
                        + "(1.00 is flat).%n", first.households(), last.households(),
                        last.microsPerHousehold() / first.microsPerHousehold()));
            }
        });
        return report.toString();
    }
}
