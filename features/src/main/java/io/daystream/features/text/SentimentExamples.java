package io.daystream.features.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The labelled tweets the sentiment model is trained on, shipped with Daystream (see
 * {@code stock_market_tweets_2020_sentiment.ATTRIBUTION.md} beside the resource, CC BY 4.0): the
 * 876 positive or negative tweets of the labelled "Stock Market Tweets Data" sample. Every fifth
 * tweet by id ({@code id % 5 == 0}) is held out: the model never trains on it, so its accuracy
 * on them is an honest figure.
 */
public final class SentimentExamples {

  /** The classpath resource holding the examples, one JSON object a line: id, sentiment, text. */
  public static final String RESOURCE = "stock_market_tweets_2020_sentiment.jsonl";

  /** One labelled tweet; {@code label} is {@code positive} or {@code negative}. */
  public record Example(long id, String label, String text) {

    public Example {
      Objects.requireNonNull(text, "text");
      if (!label.equals("positive") && !label.equals("negative")) {
        throw new IllegalArgumentException("label must be positive or negative, was '" + label + "'");
      }
    }

    public boolean heldOut() {
      return id % 5 == 0;
    }
  }

  private final List<Example> all;
  private final String digest;

  private SentimentExamples(List<Example> all, String digest) {
    this.all = List.copyOf(all);
    this.digest = digest;
  }

  /** Reads the shipped resource. */
  public static SentimentExamples shipped() {
    try (InputStream in = SentimentExamples.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE + " beside " + SentimentExamples.class);
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static SentimentExamples parse(byte[] bytes) {
    ObjectMapper json = new ObjectMapper();
    List<Example> examples = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = json.readTree(line);
        examples.add(new Example(Long.parseLong(node.get("id").asText()), node.get("sentiment").asText(),
            node.get("text").asText()));
      } catch (IOException e) {
        throw new UncheckedIOException("bad line in " + RESOURCE + ": " + line, e);
      }
    }
    return new SentimentExamples(examples, sha256(bytes).substring(0, 12));
  }

  public List<Example> all() {
    return all;
  }

  public List<Example> training() {
    return all.stream().filter(e -> !e.heldOut()).toList();
  }

  public List<Example> heldOut() {
    return all.stream().filter(Example::heldOut).toList();
  }

  /** The first 12 hex digits of the resource's SHA-256: other data, another model version. */
  public String digest() {
    return digest;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
