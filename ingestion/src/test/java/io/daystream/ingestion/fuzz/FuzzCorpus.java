package io.daystream.ingestion.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The messages of one stream for a fuzz run: every field mutation of every field and every
 * message mutation, {@code rounds} times over (each round on other valid records, so cut points
 * and invalid byte sequences differ), then good records up to the requested size, in a seeded
 * random order (at least a fifth of {@code size} good ones), then a few re-deliveries of good records, which must land once.
 */
public final class FuzzCorpus {

  public static final int REDELIVERIES = 5;

  private final StreamShape shape;
  private final Random random;
  private final List<FuzzMessage> messages = new ArrayList<>();
  private int nextLabel = 1;

  private FuzzCorpus(StreamShape shape, long seed) {
    this.shape = shape;
    this.random = new Random(seed * 31 + shape.stream().ordinal());
  }

  /**
   * @param size messages before the re-deliveries (more if the mutations exceed four fifths of it)
   * @param now the clock "in the future" is judged against
   */
  public static List<FuzzMessage> generate(StreamShape shape, long seed, int size, int rounds, Instant now,
      int maxTextLength) {
    FuzzCorpus corpus = new FuzzCorpus(shape, seed);
    for (int round = 0; round < rounds; round++) {
      corpus.fieldMutations(now, maxTextLength);
      corpus.messageMutations();
    }
    int goodOnes = 0;
    while (corpus.messages.size() < size || goodOnes < size / 5) {
      corpus.good();
      goodOnes++;
    }
    Collections.shuffle(corpus.messages, corpus.random);
    List<FuzzMessage> good = corpus.messages.stream().filter(m -> m.kind().equals("good")).toList();
    for (int i = 0; i < REDELIVERIES && i < good.size(); i++) {
      FuzzMessage original = good.get(corpus.random.nextInt(good.size()));
      corpus.messages.add(new FuzzMessage(original.label(), "re-delivery of a good record", null, original.value(),
          Expected.land(), original.record(), true));
    }
    return List.copyOf(corpus.messages);
  }

  private void fieldMutations(Instant now, int maxTextLength) {
    for (FieldSpec field : shape.fields()) {
      JsonFields shared = shape.validRecord(random, label());
      List<FieldMutations.Mutation> mutations = FieldMutations.of(field, shared, random, now, maxTextLength);
      for (int i = 0; i < mutations.size(); i++) {
        String label = label();
        JsonFields members = shared.copy();
        FieldMutations.Mutation mutation = mutations.get(i);
        if (field.name().equals(shape.labelField())) {
          // The label field's mutations start from the message's own label, so a copy that lands
          // can be told by it.
          members = shape.validRecord(random, label);
          mutation = FieldMutations.of(field, members, random, now, maxTextLength).get(i);
        } else {
          // Each message its own natural key: the mutations of one field share a base record.
          members.put(shape.labelField(), FieldMutations.quote(shape.labelValue(label)));
        }
        Map<String, Object> record = null;
        if (mutation.expected().lands()) {
          record = shape.typedValues(members);
          record.put(field.name(), mutation.landedValue());
        }
        byte[] value = InvalidUtf8.encode(mutation.edit().apply(members).toJson());
        messages.add(new FuzzMessage(label, mutation.kind(), field.name(), value, mutation.expected(), record, false));
      }
    }
  }

  private void messageMutations() {
    for (MessageMutations.Mutation mutation : MessageMutations.of(shape, random)) {
      String label = label();
      JsonFields members = shape.validRecord(random, label);
      Map<String, Object> record = mutation.expected().lands() ? shape.typedValues(members) : null;
      messages.add(new FuzzMessage(label, mutation.kind(), null, mutation.value().apply(members.copy()),
          mutation.expected(), record, false));
    }
  }

  private void good() {
    String label = label();
    JsonFields members = shape.validRecord(random, label);
    messages.add(new FuzzMessage(label, "good", null, members.toJson().getBytes(StandardCharsets.UTF_8),
        Expected.land(), shape.typedValues(members), false));
  }

  private String label() {
    return shape.labelPrefix() + String.format("%05d", nextLabel++);
  }
}
