package io.daystream.datasets.load.prices;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The symbol column a load was told to use ({@code --symbol-col}) is not in a file's header. */
public final class MissingSymbolColumnException extends IOException {

  MissingSymbolColumnException(Path file, String name, List<String> header) {
    super(file + ": no column '" + name + "' to read the symbol from (compared ignoring case, spaces and"
        + " underscores); header is " + header);
  }
}
