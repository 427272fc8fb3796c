package io.daystream.features.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.datasets.load.tweets.LabelledTweet;
import io.daystream.datasets.load.tweets.Sentiment;
import io.daystream.datasets.load.tweets.StockTweetsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped training extract is exactly the positive and negative tweets of the source file. */
class SentimentExamplesTest {

  private static final String SOURCE = "stock_market_tweets_2020/tweets_labelled_09042020_16072020.csv";

  @Test
  void theShippedExtractIsTheLabelledPositiveAndNegativeTweetsOfTheSource() throws IOException {
    Path source = Path.of(System.getProperty("daystream.shared.datasets", "../shared/datasets")).resolve(SOURCE);
    assertTrue(Files.isRegularFile(source), "real dataset " + source + " not found; set -Ddaystream.shared.datasets");
    List<SentimentExamples.Example> expected = new ArrayList<>();
    new StockTweetsLoader().loadLabelled(source, (LabelledTweet labelled) -> {
      if (labelled.sentiment() == Sentiment.POSITIVE || labelled.sentiment() == Sentiment.NEGATIVE) {
        expected.add(new SentimentExamples.Example(Long.parseLong(labelled.tweet().tweetId()),
            labelled.sentiment().label(), labelled.tweet().text()));
      }
    }, reject -> {
      throw new AssertionError("source row rejected: " + reject);
    });

    SentimentExamples shipped = SentimentExamples.shipped();

    assertEquals(expected, shipped.all());
    assertEquals(528, shipped.all().stream().filter(e -> e.label().equals("positive")).count());
    assertEquals(348, shipped.all().stream().filter(e -> e.label().equals("negative")).count());
    assertEquals(shipped.all().size(), shipped.training().size() + shipped.heldOut().size());
    assertTrue(shipped.heldOut().size() > 100 && shipped.heldOut().size() < 250,
        "about a fifth held out: " + shipped.heldOut().size());
    assertTrue(shipped.training().stream().noneMatch(SentimentExamples.Example::heldOut));
  }
}
