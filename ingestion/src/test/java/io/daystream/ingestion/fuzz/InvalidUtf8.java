package io.daystream.ingestion.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Byte sequences that are not UTF-8, written into a message through placeholder characters
 * (private-use code points no record holds) that {@link #encode} replaces.
 */
public final class InvalidUtf8 {

  /** A placeholder and the invalid bytes it stands for. */
  public record Sequence(String name, char placeholder, byte[] bytes) {}

  public static final List<Sequence> SEQUENCES = List.of(
      new Sequence("byte 0xFF", '\ue000', new byte[] {(byte) 0xFF}),
      new Sequence("lead byte without continuation (0xC3 0x28)", '\ue001', new byte[] {(byte) 0xC3, 0x28}),
      new Sequence("overlong '/' (0xC0 0xAF)", '\ue002', new byte[] {(byte) 0xC0, (byte) 0xAF}),
      new Sequence("encoded surrogate (0xED 0xA0 0x80)", '\ue003', new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
      new Sequence("cut 3-byte character (0xE2 0x82)", '\ue004', new byte[] {(byte) 0xE2, (byte) 0x82}));

  private InvalidUtf8() {}

  /** {@code text} as UTF-8, with each placeholder replaced by its invalid bytes. */
  public static byte[] encode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      Sequence sequence = placeholderAt(text.charAt(i));
      if (sequence != null) {
        out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(sequence.bytes());
        start = i + 1;
      }
    }
    out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static Sequence placeholderAt(char c) {
    for (Sequence sequence : SEQUENCES) {
      if (sequence.placeholder() == c) {
        return sequence;
      }
    }
    return null;
  }
}
