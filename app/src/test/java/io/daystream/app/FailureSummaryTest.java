package io.daystream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class FailureSummaryTest {

  @Test
  void firstLineOfAMultiLineMessage() {
    RuntimeException e = new RuntimeException("\n  Query ingest-prices terminated with error  \n=== Streaming Query ===\nplan");

    assertEquals("Query ingest-prices terminated with error", FailureSummary.of(e));
  }

  @Test
  void innermostCauseIsAddedWhenItSaysSomethingElse() {
    Exception e = new IllegalStateException("cannot create topics",
        new RuntimeException("wrapper", new ConnectException("Connection refused")));

    assertEquals("cannot create topics (cause: ConnectException: Connection refused)", FailureSummary.of(e));
  }

  @Test
  void causeAlreadyInTheMessageIsNotRepeated() {
    Exception e = new IllegalStateException("cannot read: disk full", new IOException("disk full"));

    assertEquals("cannot read: disk full", FailureSummary.of(e));
  }

  @Test
  void failureWithoutMessageIsNamedByItsClass() {
    assertEquals("NullPointerException", FailureSummary.of(new NullPointerException()));
  }

  @Test
  void longMessageIsCut() {
    String summary = FailureSummary.of(new RuntimeException("x".repeat(2000)));

    assertEquals(FailureSummary.MAX_LENGTH, summary.length());
    assertTrue(summary.endsWith("..."), summary);
  }
}
