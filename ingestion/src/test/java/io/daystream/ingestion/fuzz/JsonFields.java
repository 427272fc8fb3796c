package io.daystream.ingestion.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON object as an ordered list of members whose values are raw JSON text, so that a mutation
 * can put anything there, also what a JSON library would refuse to write (NaN, 1e400, a field
 * twice, an unescaped control character).
 */
public final class JsonFields {

  /** One member: its name as written between the quotes, and its raw JSON value. */
  public record Member(String rawName, String rawValue) {}

  private final List<Member> members = new ArrayList<>();

  public JsonFields copy() {
    JsonFields copy = new JsonFields();
    copy.members.addAll(members);
    return copy;
  }

  public JsonFields put(String name, String rawValue) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).rawName().equals(name)) {
        members.set(i, new Member(name, rawValue));
        return this;
      }
    }
    members.add(new Member(name, rawValue));
    return this;
  }

  public String rawValue(String name) {
    return members.stream().filter(m -> m.rawName().equals(name)).map(Member::rawValue).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no field " + name));
  }

  public JsonFields remove(String name) {
    members.removeIf(m -> m.rawName().equals(name));
    return this;
  }

  /** Writes the member {@code name} a second time, right after the first, with {@code rawValue}. */
  public JsonFields duplicate(String name, String rawValue) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).rawName().equals(name)) {
        members.add(i + 1, new Member(name, rawValue));
        return this;
      }
    }
    throw new IllegalArgumentException("no field " + name);
  }

  /** Renames the member {@code name} to {@code rawName} (for an escaped spelling of the same name). */
  public JsonFields respell(String name, String rawName) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).rawName().equals(name)) {
        members.set(i, new Member(rawName, members.get(i).rawValue()));
        return this;
      }
    }
    throw new IllegalArgumentException("no field " + name);
  }

  public JsonFields reverse() {
    java.util.Collections.reverse(members);
    return this;
  }

  public String toJson() {
    return toJson("", "");
  }

  /** The object with {@code gap} after each comma and colon and {@code indent} inside the braces. */
  public String toJson(String gap, String indent) {
    StringBuilder json = new StringBuilder("{").append(indent);
    for (int i = 0; i < members.size(); i++) {
      if (i > 0) {
        json.append(',').append(gap).append(indent);
      }
      json.append('"').append(members.get(i).rawName()).append("\":").append(gap).append(members.get(i).rawValue());
    }
    return json.append(indent.isEmpty() ? "" : "\n").append('}').toString();
  }
}
