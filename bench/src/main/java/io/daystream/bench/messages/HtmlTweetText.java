package io.daystream.bench.messages;

import io.daystream.datasets.schema.Tweet;

/**
 * Dresses a synthetic tweet's plain text as a scraped one: paragraph markup, mentions and links as
 * anchors, an entity and a bold footer. The synthetic text has no HTML, and without any the
 * benchmark would not show what jsoup cleaning costs.
 */
final class HtmlTweetText {

  private HtmlTweetText() {}

  static Tweet wrap(Tweet tweet) {
    String body = tweet.text();
    for (String url : tweet.urls()) {
      body = body.replace(url, "<a href=\"" + url + "\" rel=\"nofollow\">" + url + "</a>");
    }
    for (String mention : tweet.mentions()) {
      body = body.replace("@" + mention, "<a href=\"https://twitter.com/" + mention + "\">@" + mention + "</a>");
    }
    String html = "<div class=\"tweet\"><p>" + body + "</p><p>&mdash; <b>via</b> <i>web</i></p></div>";
    return new Tweet(tweet.tweetId(), tweet.authorId(), html, tweet.language(), tweet.hashtags(),
        tweet.mentions(), tweet.urls(), tweet.createdAt(), tweet.likeCount(), tweet.replyCount(),
        tweet.retweetCount(), tweet.quoteCount());
  }
}
