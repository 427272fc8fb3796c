package io.daystream.bench.messages;

import io.daystream.datasets.replay.TopicProducer;
import io.daystream.datasets.schema.RecordJson;
import io.daystream.datasets.schema.Tweet;
import io.daystream.datasets.synthetic.EngagementSimulator;
import io.daystream.datasets.synthetic.SimulationSettings;
import io.daystream.ingestion.stream.IngestedStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The messages a benchmark run reads: {@code count} synthetic engagements, or synthetic tweets
 * whose text is wrapped in HTML so that cleaning has work, sent once onto one topic.
 */
public final class BenchmarkMessages {

  /** What was sent: how many messages and how many bytes of JSON values. */
  public record Sent(long messages, long valueBytes, long elapsedMs) {

    public double averageValueBytes() {
      return messages == 0 ? 0 : (double) valueBytes / messages;
    }
  }

  /**
   * A world big enough that a day holds 50,000 distinct impressions; each (user, tweet) pair is
   * shown on one day only, so every engagement's key is unique and nothing is a duplicate.
   */
  private static final int USERS = 20_000;
  private static final int AUTHORS = 1_000;
  private static final int TOPICS = 8;
  private static final int ENGAGEMENTS_PER_DAY = 50_000;
  private static final int TWEETS_PER_DAY_FOR_ENGAGEMENTS = 2_000;
  private static final int TWEETS_PER_DAY = 10_000;
  /** The first event day of the messages. */
  public static final LocalDate START = LocalDate.of(2020, 3, 1);
  private static final double DRIFT = 0.15;

  private final IngestedStream stream;
  private final long seed;

  public BenchmarkMessages(IngestedStream stream, long seed) {
    if (stream != IngestedStream.ENGAGEMENTS && stream != IngestedStream.TWEETS) {
      throw new IllegalArgumentException("the benchmark generates engagements or tweets, not " + stream.streamName());
    }
    this.stream = stream;
    this.seed = seed;
  }

  /** Sends {@code count} messages to {@code topic} and waits until Kafka has acknowledged them all. */
  public Sent produce(TopicProducer producer, String topic, long count) {
    if (count < 1) {
      throw new IllegalArgumentException("message count must be at least 1, was " + count);
    }
    long started = System.nanoTime();
    long[] sent = {0, 0};
    if (stream == IngestedStream.ENGAGEMENTS) {
      EngagementSimulator simulator = new EngagementSimulator(settings(daysFor(count, ENGAGEMENTS_PER_DAY),
          TWEETS_PER_DAY_FOR_ENGAGEMENTS, ENGAGEMENTS_PER_DAY));
      for (int day = 0; sent[0] < count; day++) {
        simulator.forEachEngagement(day, engagement -> {
          if (sent[0] < count) {
            send(producer, topic, RecordJson.keyOf(engagement), RecordJson.of(engagement), sent);
          }
        });
      }
    } else {
      EngagementSimulator simulator = new EngagementSimulator(settings(daysFor(count, TWEETS_PER_DAY), TWEETS_PER_DAY, 0));
      for (int day = 0; sent[0] < count; day++) {
        for (Tweet tweet : simulator.tweets(day)) {
          if (sent[0] == count) {
            break;
          }
          Tweet html = HtmlTweetText.wrap(tweet);
          send(producer, topic, RecordJson.keyOf(html), RecordJson.of(html), sent);
        }
      }
    }
    producer.flush();
    return new Sent(sent[0], sent[1], (System.nanoTime() - started) / 1_000_000);
  }

  private static void send(TopicProducer producer, String topic, String key, String value, long[] sent) {
    producer.send(topic, key, value);
    sent[0]++;
    sent[1] += value.getBytes(StandardCharsets.UTF_8).length;
  }

  private SimulationSettings settings(int days, int tweetsPerDay, int impressionsPerDay) {
    return new SimulationSettings(seed, START, days, USERS, AUTHORS, TOPICS, tweetsPerDay, impressionsPerDay, DRIFT);
  }

  private static int daysFor(long count, int perDay) {
    return Math.toIntExact((count + perDay - 1) / perDay);
  }
}
