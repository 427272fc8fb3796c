package io.daystream.evaluation.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.evaluation.metrics.PredictionGroup;
import io.daystream.evaluation.metrics.PredictionHistogram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsCsvReaderTest {

  @TempDir
  Path dir;

  @Test
  void readsDefaultColumnsInAnyOrder() throws Exception {
    Path file = write("user,prediction,label\n"
        + "u1,0.9,1\n"
        + "u2,0.2,0\n"
        + "u3,0.9,0.0\n"
        + "u4,1e-1,1.0\n");

    PredictionHistogram histogram = new PredictionsCsvReader().read(file);

    assertEquals(List.of(new PredictionGroup(0.9, 1, 1), new PredictionGroup(0.2, 0, 1),
        new PredictionGroup(0.1, 1, 0)), histogram.groupsByDescendingPrediction());
  }

  @Test
  void readsQuotedFieldsAndCustomColumns() throws Exception {
    Path file = write("\uFEFF\"tweet, id\",\"engaged\",score,\"note\"\r\n"
        + "\"t,1\",1,\"0.75\",\"said \"\"hi\"\"\"\r\n"
        + "t2,\"0\",0.25,\"two\nlines\"\r\n"
        + "t3,0,\"0.75\",\r\n"
        + "\r\n"
        + "\n");

    PredictionHistogram histogram = new PredictionsCsvReader("engaged", "score").read(file);

    assertEquals(List.of(new PredictionGroup(0.75, 1, 1), new PredictionGroup(0.25, 0, 1)),
        histogram.groupsByDescendingPrediction());
  }

  @Test
  void acceptsAMissingFinalLineBreak() throws Exception {
    Path file = write("label,prediction\n1,0.5");

    assertEquals(1, new PredictionsCsvReader().read(file).rows());
  }

  @Test
  void rejectsAnEmptyFile() throws IOException {
    InvalidPredictionsException e = readExpectingError(write(""));

    assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    assertEquals(OptionalLong.empty(), e.line());
  }

  @Test
  void rejectsAFileWithOnlyAByteOrderMarkAndBlankLines() throws IOException {
    InvalidPredictionsException e = readExpectingError(write("\uFEFF\n\n"));

    assertTrue(e.getMessage().contains("is empty"), e.getMessage());
  }

  @Test
  void rejectsAHeaderWithoutRows() throws IOException {
    InvalidPredictionsException e = readExpectingError(write("label,prediction\n\n"));

    assertTrue(e.getMessage().contains("no rows"), e.getMessage());
  }

  @Test
  void namesTheMissingColumnAndTheColumnsPresent() throws IOException {
    InvalidPredictionsException e = readExpectingError(write("label,score\n1,0.5\n"));

    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    assertTrue(e.getMessage().contains("missing column \"prediction\""), e.getMessage());
    assertTrue(e.getMessage().contains("[label, score]"), e.getMessage());
  }

  @Test
  void namesBothMissingColumns() throws IOException {
    InvalidPredictionsException e = assertThrows(InvalidPredictionsException.class,
        () -> new PredictionsCsvReader("clicked", "p").read(write("label,prediction\n1,0.5\n")));

    assertTrue(e.getMessage().contains("\"clicked\" and \"p\""), e.getMessage());
  }

  @Test
  void rejectsLabelsOtherThanZeroAndOne() throws IOException {
    for (String label : new String[] {"2", "true", "false", "", "0.5", "yes"}) {
      InvalidPredictionsException e = readExpectingError(
          write("label,prediction\n1,0.5\n0,0.5\n" + label + ",0.5\n"));

      assertTrue(e.getMessage().contains("line 4"), e.getMessage());
      assertTrue(e.getMessage().contains("\"" + label + "\""), e.getMessage());
      assertEquals(OptionalLong.of(4), e.line());
    }
  }

  @Test
  void rejectsPredictionsThatAreNotNumbers() throws IOException {
    for (String prediction : new String[] {"abc", "NaN", "Infinity", "", "0.5d", "0x1p-1"}) {
      InvalidPredictionsException e = readExpectingError(
          write("label,prediction\n1,0.5\n0,\"" + prediction + "\"\n"));

      assertTrue(e.getMessage().contains("line 3"), e.getMessage());
      assertTrue(e.getMessage().contains("\"" + prediction + "\" in column \"prediction\" is not a number"),
          e.getMessage());
    }
  }

  @Test
  void rejectsPredictionsOutsideZeroToOne() throws IOException {
    for (String prediction : new String[] {"1.5", "-0.1", "1e3"}) {
      InvalidPredictionsException e = readExpectingError(
          write("label,prediction\n1," + prediction + "\n"));

      assertTrue(e.getMessage().contains("line 2"), e.getMessage());
      assertTrue(e.getMessage().contains("\"" + prediction + "\""), e.getMessage());
      assertTrue(e.getMessage().contains("outside [0, 1]"), e.getMessage());
    }
  }

  @Test
  void rejectsARowWithFewerFieldsThanTheHeader() throws IOException {
    InvalidPredictionsException e = readExpectingError(
        write("id,label,prediction\na,1,0.5\nb,0\nc,0,0.1\n"));

    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("2 field(s) but the header has 3"), e.getMessage());
  }

  @Test
  void countsPhysicalLinesInsideQuotedFields() throws IOException {
    // the quoted note spans lines 2-3, so the bad label is on physical line 4
    InvalidPredictionsException e = readExpectingError(
        write("note,label,prediction\n\"a\nb\",1,0.5\nc,7,0.5\n"));

    assertTrue(e.getMessage().contains("line 4"), e.getMessage());
  }

  @Test
  void rejectsABlankLineBeforeMoreRows() throws IOException {
    InvalidPredictionsException e = readExpectingError(write("label,prediction\n1,0.5\n\n0,0.5\n"));

    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void rejectsAnUnterminatedQuote() throws IOException {
    InvalidPredictionsException e = readExpectingError(write("label,prediction\n1,\"0.5\n0,0.5\n"));

    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("never closed"),
        e.getMessage());
  }

  @Test
  void rejectsTextAfterAClosingQuote() throws IOException {
    InvalidPredictionsException e = readExpectingError(write("label,prediction\n1,\"0.5\"x\n"));

    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void readsMixedLineEndsAndKeepsLineNumbersAcrossAQuotedLfInACrlfFile() throws Exception {
    // LF, CRLF and a bare LF quoted inside a CRLF row all read alike; the bad label is on line 5
    Path file = write("\uFEFFnote,label,prediction\r\n"
        + "a,1,0.5\n"
        + "\"b\nc\",0,0.25\r\n"
        + "d,9,0.5\r\n");

    InvalidPredictionsException e = readExpectingError(file);

    assertEquals(OptionalLong.of(5), e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("label \"9\""), e.getMessage());
  }

  @Test
  void rejectsAQuoteInsideAnUnquotedFieldEvenInAnIgnoredColumn() throws IOException {
    InvalidPredictionsException e = readExpectingError(
        write("note,label,prediction\nok,1,0.5\n5\" tall,0,0.5\n"));

    assertEquals(OptionalLong.of(3), e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("unbalanced"), e.getMessage());
  }

  @Test
  void namesABareCrLineEndInsteadOfListingGluedColumns() throws IOException {
    InvalidPredictionsException e = readExpectingError(write("label,prediction\r1,0.5\r0,0.2\r"));

    assertEquals(OptionalLong.of(1), e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("bare CR"), e.getMessage());
  }

  @Test
  void rejectsAHeaderWhoseQuoteIsNeverClosed() throws IOException {
    InvalidPredictionsException e = readExpectingError(write("label,\"prediction\n1,0.5\n"));

    assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("never closed"), e.getMessage());
  }

  @Test
  void rejectsABlankFirstLineBeforeTheColumns() throws IOException {
    InvalidPredictionsException e = readExpectingError(write("\nlabel,prediction\n1,0.5\n"));

    assertEquals(OptionalLong.of(1), e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("header line is blank"), e.getMessage());
  }

  @Test
  void aFieldBeyondTheLimitStopsTheReadAtItsLine() throws IOException {
    String huge = "x".repeat(PredictionsCsvReader.MAX_CHARS_PER_FIELD + 1);
    InvalidPredictionsException e = readExpectingError(
        write("note,label,prediction\na,1,0.5\n\"" + huge + "\",0,0.5\n"));

    assertEquals(OptionalLong.of(3), e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("unreadable"), e.getMessage());
  }

  @Test
  void saysWhenThePathIsAFolder() {
    IOException e = assertThrows(IOException.class, () -> new PredictionsCsvReader().read(dir));

    assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("directory"), e.getMessage());
  }

  @Test
  void namesTheFileInMessages() throws IOException {
    Path file = write("label,prediction\n");

    InvalidPredictionsException e = readExpectingError(file);

    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  @Test
  void rejectsTheSameColumnForLabelAndPrediction() {
    assertThrows(IllegalArgumentException.class, () -> new PredictionsCsvReader("x", " x "));
  }

  private InvalidPredictionsException readExpectingError(Path file) {
    return assertThrows(InvalidPredictionsException.class, () -> new PredictionsCsvReader().read(file));
  }

  private int files;

  private Path write(String content) throws IOException {
    Path file = dir.resolve("predictions-" + files++ + ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
