package io.daystream.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BootstrapServerListTest {

  @Test
  void oneHostAndPort() {
    assertEquals(List.of("broker-1:9092"), BootstrapServerList.parse("broker-1:9092"));
  }

  @Test
  void severalEntriesKeepTheirOrderAndLoseTheSpacesAroundCommas() {
    assertEquals(List.of("b.example.com:9093", "10.0.0.7:9092", "a_1:1"),
        BootstrapServerList.parse("b.example.com:9093 , 10.0.0.7:9092,a_1:1"));
  }

  @Test
  void portBoundsAreAccepted() {
    assertEquals(List.of("h:1", "h:65535"), BootstrapServerList.parse("h:1,h:65535"));
  }

  @Test
  void ipv6InBrackets() {
    assertEquals(List.of("[::1]:9092", "[fe80::1%eth0]:9093"),
        BootstrapServerList.parse("[::1]:9092,[fe80::1%eth0]:9093"));
  }

  /** Each bad value, and a fragment its message must hold: the entry or the problem. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "\"host:9092\"                  | must not be quoted",
      "'host:9092'                    | must not be quoted",
      "host                           | 'host': missing port",
      "host:                          | 'host:': missing port",
      ":9092                          | ':9092': missing host",
      "host:0                         | port 0 is out of range",
      "host:65536                     | port 65536 is out of range",
      "host:123456                    | port '123456' is not a number",
      "host:-1                        | port '-1' is not a number",
      "host:90x2                      | port '90x2' is not a number",
      "host :9092                     | 'host :9092': no spaces inside an entry",
      "a:9092 b:9092                  | 'a:9092 b:9092': no spaces inside an entry",
      "a:9092,,b:9092                 | empty entry",
      "a:9092,                        | empty entry",
      "PLAINTEXT://host:9092          | no scheme",
      "::1:9092                       | IPv6 address goes in brackets",
      "[::1]                          | '[::1]': missing port",
      "[::1:9092                      | closing bracket",
      "[zz]:9092                      | 'zz' is not an IPv6 address",
      "ho/st:9092                     | 'ho/st' is not a host name",
  })
  void badValueIsRefusedSayingWhy(String value, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BootstrapServerList.parse(value));

    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void messageOfABadEntryShowsTheExpectedForm() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BootstrapServerList.parse("good:9092,bad"));

    assertTrue(e.getMessage().contains("'bad'"), e.getMessage());
    assertTrue(e.getMessage().contains("host:port"), e.getMessage());
  }
}
