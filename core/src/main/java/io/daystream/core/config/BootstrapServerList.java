package io.daystream.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Kafka {@code bootstrap.servers} value checked at start: a comma-separated list of
 * {@code host:port} entries, the port in 1-65535, an IPv6 host in brackets ({@code [::1]:9092}).
 * Spaces around the commas are allowed; quotes, a scheme ({@code PLAINTEXT://}), spaces inside an
 * entry and empty entries are not, because the Kafka client would fail on them much later with a
 * stack trace instead of a message.
 */
final class BootstrapServerList {

  /** A host name or an IPv4 address: letters, digits, dots, hyphens and underscores. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.-]+");
  /** The inside of an IPv6 literal's brackets, with an optional zone such as %eth0. */
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  static final String EXPECTED = "expected host:port[,host:port...], e.g. broker-1:9092,broker-2:9092";

  private BootstrapServerList() {}

  /**
   * The entries of a non-blank value, each trimmed, in their order.
   *
   * @throws IllegalArgumentException saying which entry is wrong and why
   */
  static List<String> parse(String value) {
    if (value.contains("\"") || value.contains("'")) {
      throw new IllegalArgumentException("must not be quoted, was " + value
          + " (in --set write kafka.bootstrap-servers=host:9092 without quotes)");
    }
    List<String> entries = new ArrayList<>();
    for (String raw : value.split(",", -1)) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        throw new IllegalArgumentException("has an empty entry in '" + value + "' (" + EXPECTED + ")");
      }
      String problem = problemOf(entry);
      if (problem != null) {
        throw new IllegalArgumentException("has a bad entry '" + entry + "': " + problem + " (" + EXPECTED + ")");
      }
      entries.add(entry);
    }
    return List.copyOf(entries);
  }

  /** What is wrong with one trimmed entry, or null when it is a valid host:port. */
  private static String problemOf(String entry) {
    if (entry.contains("://")) {
      return "no scheme such as PLAINTEXT:// (set security.protocol in kafka.properties instead)";
    }
    if (entry.chars().anyMatch(Character::isWhitespace)) {
      return "no spaces inside an entry";
    }
    String host;
    String port;
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0) {
        return "an IPv6 address needs a closing bracket";
      }
      host = entry.substring(1, close);
      if (!IPV6.matcher(host).matches()) {
        return "'" + host + "' is not an IPv6 address";
      }
      if (close + 1 >= entry.length() || entry.charAt(close + 1) != ':') {
        return "missing port";
      }
      port = entry.substring(close + 2);
    } else {
      int colon = entry.lastIndexOf(':');
      if (colon < 0) {
        return "missing port";
      }
      host = entry.substring(0, colon);
      port = entry.substring(colon + 1);
      if (host.contains(":")) {
        return "an IPv6 address goes in brackets, e.g. [::1]:9092";
      }
      if (host.isEmpty()) {
        return "missing host";
      }
      if (!HOST.matcher(host).matches()) {
        return "'" + host + "' is not a host name";
      }
    }
    if (port.isEmpty()) {
      return "missing port";
    }
    if (!PORT.matcher(port).matches()) {
      return "port '" + port + "' is not a number in 1-65535";
    }
    int number = Integer.parseInt(port);
    if (number < 1 || number > 65535) {
      return "port " + number + " is out of range 1-65535";
    }
    return null;
  }
}
