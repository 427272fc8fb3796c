import io.daystream.core.lake.LakeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares the lakes of two runs of the same commands, for bin/daystream-cluster-check:
 * {@code java LakeComparison.java NAME LAKE_A LAKE_B [NAME LAKE_A LAKE_B ...]}. For every Delta
 * table of {@link LakeTable} it compares row counts; for the model registry each version's rows and
 * metrics; for the scores the sum of probabilities per model version. Numbers match when they
 * differ by at most 1e-9 (relative to their size when above 1). Prints one line per figure and
 * exits 1 when any differs or a table exists in one lake only.
 */
public final class LakeComparison {

  private static final double TOLERANCE = 1e-9;

  public static void main(String[] args) {
    if (args.length == 0 || args.length % 3 != 0) {
      System.err.println("usage: LakeComparison NAME LAKE_A LAKE_B [NAME LAKE_A LAKE_B ...]");
      System.exit(2);
    }
    SparkSession spark = SparkSession.builder().master("local[2]").appName("lake-comparison")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.shuffle.partitions", 2)
        .config("spark.ui.enabled", "false")
        .getOrCreate();
    int differences = 0;
    for (int i = 0; i < args.length; i += 3) {
      System.out.printf("%n%s: %s vs %s%n", args[i], args[i + 1], args[i + 2]);
      differences += compare(figures(spark, args[i + 1]), figures(spark, args[i + 2]));
    }
    spark.stop();
    System.out.println(differences == 0 ? "\nSAME: every figure matches" : "\nDIFFERENT: " + differences + " figures");
    System.exit(differences == 0 ? 0 : 1);
  }

  /** Figure name to value: row counts, registry metrics, score sums. */
  private static Map<String, Double> figures(SparkSession spark, String lakeRoot) {
    Map<String, Double> figures = new TreeMap<>();
    for (LakeTable table : LakeTable.values()) {
      String path = lakeRoot + "/" + table.folder();
      if (!isDeltaTable(spark, path)) {
        continue;
      }
      Dataset<Row> rows = spark.read().format("delta").load(path);
      figures.put(table.folder() + " rows", (double) rows.count());
      if (table == LakeTable.MODEL_REGISTRY) {
        for (Row r : rows.select("version", "train_rows", "eval_rows", "eval_positives", "rce", "pr_auc", "log_loss")
            .collectAsList()) {
          String v = "model " + r.getString(0) + " ";
          figures.put(v + "train_rows", (double) r.getLong(1));
          figures.put(v + "eval_rows", (double) r.getLong(2));
          figures.put(v + "eval_positives", (double) r.getLong(3));
          figures.put(v + "rce", r.isNullAt(4) ? Double.NaN : r.getDouble(4));
          figures.put(v + "pr_auc", r.isNullAt(5) ? Double.NaN : r.getDouble(5));
          figures.put(v + "log_loss", r.getDouble(6));
        }
      }
      if (table == LakeTable.SCORES) {
        for (Row r : rows.groupBy("model_version").agg(org.apache.spark.sql.functions.sum("probability"))
            .collectAsList()) {
          figures.put("scores by " + r.getString(0) + " sum(probability)", r.getDouble(1));
        }
      }
    }
    return figures;
  }

  private static int compare(Map<String, Double> a, Map<String, Double> b) {
    int differences = 0;
    List<String> keys = new ArrayList<>(new TreeMap<>(a).keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    for (String key : keys) {
      Double x = a.get(key);
      Double y = b.get(key);
      boolean same = x != null && y != null
          && (x.equals(y) || Math.abs(x - y) <= TOLERANCE * Math.max(1.0, Math.abs(x)));
      differences += same ? 0 : 1;
      System.out.printf("  %-4s %-62s %s  %s%n", same ? "ok" : "DIFF", key, show(x), show(y));
    }
    return differences;
  }

  private static String show(Double value) {
    if (value == null) {
      return "(missing)";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue())
        : String.format("%.15g", value);
  }

  private static boolean isDeltaTable(SparkSession spark, String path) {
    try {
      Path log = new Path(path, "_delta_log");
      return log.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(log);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
