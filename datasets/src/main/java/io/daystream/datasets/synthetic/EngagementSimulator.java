package io.daystream.datasets.synthetic;

import io.daystream.datasets.schema.Engagement;
import io.daystream.datasets.schema.EngagementProbabilities;
import io.daystream.datasets.schema.Tweet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Generates a seeded synthetic Twitter: each day's tweets and impressions, with engagements
 * drawn from known true probabilities, in a world whose topic trends and user interests drift
 * from day to day.
 *
 * <pre>
 *   EngagementSimulator simulator = new EngagementSimulator(SimulationSettings.defaults());
 *   SimulatedDay day = simulator.day(0);                       // small days, in memory
 *   simulator.forEachEngagement(3, engagement -> write(engagement)); // any size, streamed
 * </pre>
 *
 * <p>Equal settings give identical records. Every day draws from its own random streams
 * ({@link RandomStream}), so any day can be generated alone and in any order; only the drift
 * (a few numbers per user and topic per day) is stepped through the earlier days. The probability
 * model is {@link EngagementModel}, the drift {@link DriftProcess}, the population
 * {@link Population}, the text {@link TextComposer}, the timelines {@link ImpressionSampler}.
 *
 * <p>Safe to use from several threads: each call draws from its own random streams and the
 * shared world state is immutable once computed.
 */
public final class EngagementSimulator {

  /**
   * Mean seconds from impression to each engagement (exponential delays of at least a second):
   * a like is a tap, a retweet a short decision, a reply or quote needs writing.
   */
  static final double LIKE_DELAY_MEAN_SECONDS = 20;
  static final double RETWEET_DELAY_MEAN_SECONDS = 60;
  static final double REPLY_DELAY_MEAN_SECONDS = 180;
  static final double QUOTE_DELAY_MEAN_SECONDS = 240;

  /**
   * Days of tweets kept: the days one day's impressions show, plus one, so that generating days
   * in order writes each day's tweets once.
   */
  private static final int CACHED_TWEET_DAYS = ImpressionSampler.FRESHNESS_DAY_WEIGHTS.length + 1;
  private static final double MILLIS_PER_HOUR = 3_600_000.0;

  private final SimulationSettings settings;
  private final TopicVocabulary vocabulary;
  private final DriftProcess drift;
  private final WorldTimeline timeline;
  private final Population population;
  private final TweetWriter tweetWriter;
  private final EngagementModel engagementModel;
  private final Map<Integer, List<SimulatedTweet>> recentTweets =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<SimulatedTweet>> eldest) {
          return size() > CACHED_TWEET_DAYS;
        }
      };

  public EngagementSimulator(SimulationSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.vocabulary = TopicVocabulary.bundled();
    this.drift = new DriftProcess(settings);
    this.timeline = new WorldTimeline(drift, settings.days(), settings.topics());
    this.population = new Population(settings, timeline.initial());
    this.tweetWriter = new TweetWriter(
        settings, population, new TextComposer(vocabulary, settings.topics(), population));
    this.engagementModel = new EngagementModel();
  }

  public SimulationSettings settings() {
    return settings;
  }

  /** The ids of the simulated users (the engaging side), in user-index order. */
  public List<String> userIds() {
    return java.util.stream.IntStream.range(0, settings.users()).mapToObj(population::userId).toList();
  }

  /** The names of the topics in play, in topic-index order. */
  public List<String> topics() {
    return vocabulary.topicNames().subList(0, settings.topics());
  }

  /** A whole day in memory: fine for the default sizes, use the streaming form for millions. */
  public SimulatedDay day(int dayIndex) {
    List<SimulatedTweet> written = tweetsOf(dayIndex);
    List<Tweet> tweets = new ArrayList<>(written.size());
    Map<String, String> topicByTweetId = new HashMap<>();
    for (SimulatedTweet tweet : written) {
      tweets.add(tweet.tweet());
      topicByTweetId.put(tweet.tweet().tweetId(), vocabulary.topicName(tweet.topic()));
    }
    List<Engagement> engagements = new ArrayList<>(settings.impressionsPerDay());
    forEachEngagement(dayIndex, engagements::add);
    return new SimulatedDay(
        dayIndex, settings.date(dayIndex), tweets, topicByTweetId, engagements);
  }

  /** The tweets created on a day. */
  public List<Tweet> tweets(int dayIndex) {
    return tweetsOf(dayIndex).stream().map(SimulatedTweet::tweet).toList();
  }

  /**
   * Streams the day's impressions with their drawn engagements to {@code sink}, one at a time,
   * in generation order (not time order); nothing of the day is kept in memory.
   */
  public void forEachEngagement(int dayIndex, Consumer<? super Engagement> sink) {
    Objects.requireNonNull(sink, "sink");
    generate(dayIndex, (engagement, forecast) -> sink.accept(engagement), false);
  }

  /**
   * As {@link #forEachEngagement}, the same engagements, each with the best forecast of its
   * probabilities that the past allows: the expected probabilities given the exact world of the
   * day before, the day's drift unknown (see {@link EngagementModel#forecast}). No model trained
   * on earlier days can expect a lower log loss; day 0 has no past and gets the world's
   * stationary expectation.
   */
  public void forEachEngagementWithForecast(
      int dayIndex, BiConsumer<? super Engagement, ? super EngagementProbabilities> sink) {
    Objects.requireNonNull(sink, "sink");
    generate(dayIndex, sink, true);
  }

  private void generate(
      int dayIndex, BiConsumer<? super Engagement, ? super EngagementProbabilities> sink,
      boolean withForecast) {
    checkDay(dayIndex);
    // The day before first: the timeline walks forward, asking for it after the day would replay.
    WorldState before = withForecast && dayIndex > 0 ? timeline.state(dayIndex - 1) : null;
    WorldState world = timeline.state(dayIndex);
    List<List<SimulatedTweet>> recentTweets = new ArrayList<>();
    for (int age = 0;
        age < ImpressionSampler.FRESHNESS_DAY_WEIGHTS.length && age <= dayIndex;
        age++) {
      recentTweets.add(tweetsOf(dayIndex - age));
    }
    ImpressionSampler sampler =
        new ImpressionSampler(population, recentTweets, dayStartMillis(dayIndex));
    SplittableRandom random = RandomStream.IMPRESSIONS.random(settings.seed(), dayIndex);
    for (int i = 0; i < settings.impressionsPerDay(); i++) {
      ImpressionSampler.Impression impression = sampler.next(random);
      Engagement engagement = engagement(impression, world, random);
      sink.accept(engagement, withForecast ? forecast(impression, before, dayIndex) : null);
    }
  }

  private EngagementProbabilities forecast(
      ImpressionSampler.Impression impression, WorldState before, int dayIndex) {
    int user = impression.user();
    SimulatedTweet tweet = impression.tweet();
    int author = tweet.author();
    double persistence = drift.persistence(dayIndex);
    double interestBefore = before == null ? 0.0 : before.interestScore(user, tweet.topic());
    double trendBefore = before == null ? 0.0 : before.trend(tweet.topic());
    return engagementModel.forecast(
        persistence * interestBefore,
        drift.interestInnovationVariance(dayIndex),
        persistence * trendBefore,
        drift.trendInnovationVariance(dayIndex),
        population.authorPopularity(author),
        population.follows(user, author),
        (impression.impressionAtMillis() - tweet.createdAtMillis()) / MILLIS_PER_HOUR);
  }

  /** Each topic's trend on a day (a logit offset; see {@link EngagementModel}), a copy. */
  public double[] topicTrends(int dayIndex) {
    return timeline.trends(checkDay(dayIndex)).clone();
  }

  /**
   * The true engagement probabilities of a situation on a day: a user seeing a tweet on a topic
   * by an author, {@code tweetAgeHours} after its creation. What the simulator draws from.
   */
  public EngagementProbabilities trueProbabilities(
      int dayIndex, String userId, String authorId, String topic, double tweetAgeHours) {
    int user = population.userIndex(userId);
    if (user < 0) {
      throw new IllegalArgumentException("unknown userId " + userId);
    }
    int author = population.authorIndex(authorId);
    if (author < 0) {
      throw new IllegalArgumentException("unknown authorId " + authorId);
    }
    int topicIndex = topics().indexOf(topic);
    if (topicIndex < 0) {
      throw new IllegalArgumentException("unknown topic " + topic + ", not in " + topics());
    }
    if (!(tweetAgeHours >= 0.0)) {
      throw new IllegalArgumentException("tweetAgeHours must be >= 0, was " + tweetAgeHours);
    }
    WorldState world = timeline.state(checkDay(dayIndex));
    return engagementModel.probabilities(
        world.interestScore(user, topicIndex),
        world.trend(topicIndex),
        population.authorPopularity(author),
        population.follows(user, author),
        tweetAgeHours);
  }

  private Engagement engagement(
      ImpressionSampler.Impression impression, WorldState world, SplittableRandom random) {
    int user = impression.user();
    SimulatedTweet tweet = impression.tweet();
    int author = tweet.author();
    boolean follows = population.follows(user, author);
    long impressionAt = impression.impressionAtMillis();
    EngagementProbabilities probabilities = engagementModel.probabilities(
        world.interestScore(user, tweet.topic()),
        world.trend(tweet.topic()),
        population.authorPopularity(author),
        follows,
        (impressionAt - tweet.createdAtMillis()) / MILLIS_PER_HOUR);
    // Two draws per type whatever the outcome, so one outcome never shifts the draws of the next.
    Instant likeAt = outcome(probabilities.like(), impressionAt, LIKE_DELAY_MEAN_SECONDS, random);
    Instant replyAt =
        outcome(probabilities.reply(), impressionAt, REPLY_DELAY_MEAN_SECONDS, random);
    Instant retweetAt =
        outcome(probabilities.retweet(), impressionAt, RETWEET_DELAY_MEAN_SECONDS, random);
    Instant quoteAt =
        outcome(probabilities.quote(), impressionAt, QUOTE_DELAY_MEAN_SECONDS, random);
    return new Engagement(
        population.userId(user),
        tweet.tweet().tweetId(),
        population.authorId(author),
        population.authorFollowerCount(author),
        population.authorFollowingCount(author),
        population.authorIsVerified(author),
        population.userFollowerCount(user),
        population.userFollowingCount(user),
        population.userIsVerified(user),
        follows,
        Instant.ofEpochMilli(impressionAt),
        likeAt,
        replyAt,
        retweetAt,
        quoteAt,
        probabilities);
  }

  private static Instant outcome(
      double probability, long impressionAtMillis, double meanDelaySeconds,
      SplittableRandom random) {
    boolean engaged = random.nextDouble() < probability;
    double delayDraw = random.nextDouble();
    if (!engaged) {
      return null;
    }
    long delayMillis = 1_000L + (long) (-meanDelaySeconds * 1_000.0 * Math.log1p(-delayDraw));
    return Instant.ofEpochMilli(impressionAtMillis + delayMillis);
  }

  private List<SimulatedTweet> tweetsOf(int dayIndex) {
    checkDay(dayIndex);
    synchronized (recentTweets) {
      List<SimulatedTweet> cached = recentTweets.get(dayIndex);
      if (cached != null) {
        return cached;
      }
    }
    List<SimulatedTweet> written = List.copyOf(
        tweetWriter.write(dayIndex, dayStartMillis(dayIndex), timeline.trends(dayIndex)));
    synchronized (recentTweets) {
      recentTweets.put(dayIndex, written);
    }
    return written;
  }

  private long dayStartMillis(int dayIndex) {
    return settings.date(dayIndex).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private int checkDay(int dayIndex) {
    if (dayIndex < 0 || dayIndex >= settings.days()) {
      throw new IllegalArgumentException(
          "dayIndex must be in [0, " + settings.days() + "), was " + dayIndex);
    }
    return dayIndex;
  }
}
