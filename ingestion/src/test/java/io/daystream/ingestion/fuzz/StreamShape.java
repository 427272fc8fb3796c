package io.daystream.ingestion.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daystream.datasets.schema.Engagement;
import io.daystream.datasets.schema.EngagementProbabilities;
import io.daystream.datasets.schema.NewsPost;
import io.daystream.datasets.schema.PriceBar;
import io.daystream.datasets.schema.RecordJson;
import io.daystream.datasets.schema.Tweet;
import io.daystream.ingestion.stream.IngestedStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * A stream's fields as rules.md sees them, and valid canonical records of it (built with
 * {@link RecordJson}) whose event times lie within a few hours of {@link #BASE_TIME}.
 */
public final class StreamShape {

  /** Event time of the earliest good record; good ones spread over the {@link #SPREAD_SECONDS} after it. */
  public static final Instant BASE_TIME = Instant.parse("2021-03-01T06:00:00Z");
  public static final int SPREAD_SECONDS = 4 * 3600;

  /** Counts per rules.md: they cannot be negative (news.score can). */
  private static final Set<String> COUNTS = Set.of("like_count", "reply_count", "retweet_count", "quote_count",
      "author_follower_count", "author_following_count", "user_follower_count", "user_following_count",
      "comment_count", "volume");
  private static final Set<String> FREE_TEXT = Set.of("tweets.text", "news.title", "news.body");
  private static final Set<String> PRICES = Set.of("open", "high", "low", "close");

  private static final List<String> TEXTS = List.of("markets open higher", "Regen in Berlin, Sonne in M\u00fcnchen",
      "caf\u00e9 cr\u00e8me \ud83d\ude00", "\u6771\u4eac\u306e\u5929\u6c17", "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
      "<p>Fish &amp; <b>chips</b> <a href=\"https://example.org/menu\">menu</a></p>", "line one\nline two\ttabbed");
  private static final List<String> TAGS = List.of("rates", "earnings", "ai", "\u00e9t\u00e9", "\ud83d\ude80");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final IngestedStream stream;
  private final List<FieldSpec> fields;

  public StreamShape(IngestedStream stream) {
    this.stream = stream;
    List<FieldSpec> specs = new ArrayList<>();
    for (StructField field : stream.messageSchema().fields()) {
      boolean cleaned = stream.textColumn().filter(field.name()::equals).isPresent();
      specs.add(new FieldSpec(field.name(), kindOf(field), !field.nullable(),
          field.name().equals(stream.eventTimeColumn()), cleaned));
    }
    this.fields = List.copyOf(specs);
  }

  public IngestedStream stream() {
    return stream;
  }

  public List<FieldSpec> fields() {
    return fields;
  }

  public FieldSpec field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  /** A prefix such as "fzt" that every label of this stream starts with. */
  public String labelPrefix() {
    return "fz" + stream.streamName().charAt(0);
  }

  /** The field that carries a record's label, and with it its natural key's unique part. */
  public String labelField() {
    return switch (stream) {
      case TWEETS, ENGAGEMENTS -> "tweet_id";
      case NEWS -> "post_id";
      case PRICES -> "symbol";
    };
  }

  /** What {@link #labelField()} holds for {@code label}. */
  public String labelValue(String label) {
    return stream == IngestedStream.PRICES ? label.toUpperCase() : label;
  }

  /** A valid record of this stream as JSON members, its natural key and strings carrying {@code label}. */
  public JsonFields validRecord(Random random, String label) {
    Instant eventTime = BASE_TIME.plusSeconds(random.nextInt(SPREAD_SECONDS));
    String json = switch (stream) {
      case TWEETS -> RecordJson.of(new Tweet(label, "a" + random.nextInt(40), pick(random, TEXTS) + " " + label,
          pick(random, List.of("en", "de", "ja")), someOf(random, TAGS), someOf(random, List.of("ana", "bo")),
          random.nextBoolean() ? List.of("https://example.org/" + label) : List.of(), eventTime,
          (long) random.nextInt(5000), (long) random.nextInt(50), (long) random.nextInt(500), (long) random.nextInt(20)));
      case ENGAGEMENTS -> RecordJson.of(new Engagement("u" + random.nextInt(300), label, "a" + random.nextInt(40),
          random.nextInt(1_000_000), random.nextInt(2000), random.nextBoolean(), random.nextInt(5000),
          random.nextInt(800), random.nextBoolean(), random.nextBoolean(), eventTime,
          maybeAfter(random, eventTime), maybeAfter(random, eventTime), maybeAfter(random, eventTime),
          maybeAfter(random, eventTime),
          new EngagementProbabilities(random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble())));
      case NEWS -> RecordJson.of(new NewsPost(label, pick(random, List.of("worldnews", "wallstreetbets")),
          "headline " + label + " " + pick(random, List.of("rates rise", "\u00e9t\u00e9 chaud", "\ud83d\udcc8 up")),
          random.nextBoolean() ? pick(random, TEXTS) : "", (long) random.nextInt(3000) - 200,
          (long) random.nextInt(400), eventTime, random.nextInt(3) == 0 ? null : random.nextInt(2)));
      case PRICES -> {
        double low = cents(5 + random.nextDouble() * 500);
        double high = cents(low + random.nextDouble() * 20);
        double open = cents(low + (high - low) * random.nextDouble());
        double close = cents(low + (high - low) * random.nextDouble());
        LocalDate day = LocalDate.ofInstant(BASE_TIME, ZoneOffset.UTC).plusDays(random.nextInt(2));
        yield RecordJson.of(new PriceBar(labelValue(label), day, open, high, low, close,
            random.nextBoolean() ? close : null, random.nextInt(10_000_000)));
      }
    };
    JsonFields members = new JsonFields();
    try {
      Iterator<Map.Entry<String, JsonNode>> it = MAPPER.readTree(json).fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> member = it.next();
        members.put(member.getKey(), member.getValue().toString());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return members;
  }

  /**
   * The values bronze holds for a valid record: each field's JSON value as a Java value (String,
   * Long, Integer, Double, Boolean, List of String, Instant, LocalDate or null).
   */
  public Map<String, Object> typedValues(JsonFields members) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FieldSpec field : fields) {
      JsonNode node;
      try {
        node = MAPPER.readTree(members.rawValue(field.name()));
      } catch (java.io.IOException | IllegalArgumentException e) {
        throw new IllegalStateException("not a valid value of " + field.name(), e);
      }
      values.put(field.name(), typed(field.kind(), node));
    }
    return values;
  }

  static Object typed(FieldKind kind, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return switch (kind) {
      case PLAIN_STRING, FREE_TEXT -> node.textValue();
      case STRING_ARRAY -> {
        List<String> list = new ArrayList<>();
        node.forEach(element -> list.add(element.textValue()));
        yield list;
      }
      case BOOLEAN -> node.booleanValue();
      case COUNT, SIGNED_LONG -> node.longValue();
      case INTEGER -> node.intValue();
      case PROBABILITY, PRICE, DOUBLE -> node.doubleValue();
      case TIMESTAMP -> Instant.parse(node.textValue());
      case DATE -> LocalDate.parse(node.textValue());
    };
  }

  private FieldKind kindOf(StructField field) {
    DataType type = field.dataType();
    String name = field.name();
    if (type instanceof ArrayType) {
      return FieldKind.STRING_ARRAY;
    } else if (type.equals(DataTypes.StringType)) {
      return FREE_TEXT.contains(stream.streamName() + "." + name) ? FieldKind.FREE_TEXT : FieldKind.PLAIN_STRING;
    } else if (type.equals(DataTypes.BooleanType)) {
      return FieldKind.BOOLEAN;
    } else if (type.equals(DataTypes.LongType)) {
      return COUNTS.contains(name) ? FieldKind.COUNT : FieldKind.SIGNED_LONG;
    } else if (type.equals(DataTypes.IntegerType)) {
      return FieldKind.INTEGER;
    } else if (type.equals(DataTypes.DoubleType)) {
      return name.startsWith("true_p_") ? FieldKind.PROBABILITY : PRICES.contains(name) ? FieldKind.PRICE : FieldKind.DOUBLE;
    } else if (type.equals(DataTypes.TimestampType)) {
      return FieldKind.TIMESTAMP;
    } else if (type.equals(DataTypes.DateType)) {
      return FieldKind.DATE;
    }
    throw new IllegalArgumentException("no fuzz kind for " + name + ": " + type);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static List<String> someOf(Random random, List<String> values) {
    List<String> chosen = new ArrayList<>();
    for (String value : values) {
      if (random.nextInt(3) == 0) {
        chosen.add(value);
      }
    }
    return chosen;
  }

  private static Instant maybeAfter(Random random, Instant time) {
    return random.nextBoolean() ? time.plusMillis(1 + random.nextInt(600_000)) : null;
  }

  private static double cents(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
