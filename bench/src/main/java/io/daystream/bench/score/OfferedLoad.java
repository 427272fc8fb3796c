package io.daystream.bench.score;

import io.daystream.datasets.replay.TopicProducer;
import io.daystream.scoring.request.ScoreRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests offered to a topic at a fixed rate, on a schedule (request i at start + i / rate),
 * whatever the job does: an open loop, so a job that falls behind meets a growing backlog instead
 * of a slower client. Each request's produce time (wall clock, as Delta's commit times) is kept by
 * request id. Request ids are {@code <prefix>-<i>}.
 */
final class OfferedLoad {

  private final TopicProducer producer;
  private final String topic;
  private final String prefix;
  private final List<String> users;
  private final List<String> tweets;
  private final int candidatesPerRequest;
  private final Instant requestedAt;
  private final Random random = new Random(7);
  private final ConcurrentHashMap<String, Long> producedAtMillis = new ConcurrentHashMap<>();

  OfferedLoad(TopicProducer producer, String topic, String prefix, List<String> users, List<String> tweets,
      int candidatesPerRequest, Instant requestedAt) {
    if (tweets.size() < candidatesPerRequest) {
      throw new IllegalArgumentException("the lake holds " + tweets.size() + " tweets, fewer than "
          + candidatesPerRequest + " candidates per request");
    }
    this.producer = producer;
    this.topic = topic;
    this.prefix = prefix;
    this.users = users;
    this.tweets = new ArrayList<>(tweets);
    this.candidatesPerRequest = candidatesPerRequest;
    this.requestedAt = requestedAt;
  }

  /** Offers {@code requestsPerSecond} for {@code length}, on this thread; returns the requests sent. */
  int offer(double requestsPerSecond, Duration length) {
    long start = System.nanoTime();
    long end = start + length.toNanos();
    int sent = 0;
    while (true) {
      long due = start + (long) (sent * 1e9 / requestsPerSecond);
      if (due >= end) {
        return sent;
      }
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      sendOne(sent++);
    }
  }

  /** Sends {@code count} requests at once (for the batch job's topic), then waits for the acks. */
  void fill(int count) {
    for (int i = 0; i < count; i++) {
      sendOne(i);
    }
    producer.flush();
  }

  private void sendOne(int i) {
    String requestId = prefix + "-" + i;
    Collections.shuffle(tweets, random);
    String user = users.get(random.nextInt(users.size()));
    String json = ScoreRequest.json(requestId, user, tweets.subList(0, candidatesPerRequest), requestedAt);
    producedAtMillis.put(requestId, System.currentTimeMillis());
    producer.send(topic, requestId, json);
  }

  /** Produce time of each request sent, by id. */
  ConcurrentHashMap<String, Long> producedAtMillis() {
    return producedAtMillis;
  }
}
