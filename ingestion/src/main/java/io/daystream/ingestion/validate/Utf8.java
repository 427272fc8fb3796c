package io.daystream.ingestion.validate;

/** Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. */
final class Utf8 {

  private Utf8() {}

  static boolean isValid(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int length;
      int lowestSecond = 0x80;
      int highestSecond = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
      } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        if (b == 0xE0) {
          lowestSecond = 0xA0; // overlong below U+0800
        } else if (b == 0xED) {
          highestSecond = 0x9F; // U+D800..U+DFFF are surrogates
        }
      } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        if (b == 0xF0) {
          lowestSecond = 0x90; // overlong below U+10000
        } else if (b == 0xF4) {
          highestSecond = 0x8F; // above U+10FFFF
        }
      } else {
        return false;
      }
      if (i + length > bytes.length) {
        return false;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < lowestSecond || second > highestSecond) {
        return false;
      }
      for (int k = 2; k < length; k++) {
        int next = bytes[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return false;
        }
      }
      i += length;
    }
    return true;
  }
}
