package io.astralytiq.operator.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The files of one platform image, read from its layers in the registry: every entry of every layer, the tree they
 * stack up to (whiteouts applied), symbolic links resolved the way the kernel would inside the container, and the
 * first bytes of a file.
 */
final class ImageLayers {

  /** One tar entry; path relative to the root, without ./ or a trailing slash. */
  record Entry(int layer, String path, boolean symlink, String linkTarget, boolean regularFile, long uid) {}

  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";

  private final OciRegistry registry;
  private final String repository;
  private final List<String> layerDigests;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Entry> tree = new LinkedHashMap<>();

  private ImageLayers(OciRegistry registry, String repository, OciRegistry.Manifest manifest) {
    this.registry = registry;
    this.repository = repository;
    this.layerDigests = manifest.json().path("layers").findValuesAsText("digest");
  }

  static ImageLayers read(OciRegistry registry, String repository, OciRegistry.Manifest manifest) {
    ImageLayers layers = new ImageLayers(registry, repository, manifest);
    for (int i = 0; i < layers.layerDigests.size(); i++) {
      int layer = i;
      layers.scan(i, (entry, in) -> layers.add(layer, entry));
    }
    return layers;
  }

  List<Entry> entries() {
    return entries;
  }

  /** Where a path leads inside the image, every symbolic link on the way followed. */
  String resolve(String path) {
    Deque<String> todo = new ArrayDeque<>(Arrays.asList(path.split("/")));
    Deque<String> done = new ArrayDeque<>();
    for (int hops = 0; !todo.isEmpty(); ) {
      String part = todo.removeFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        done.pollLast();
        continue;
      }
      done.addLast(part);
      Entry entry = tree.get(String.join("/", done));
      if (entry != null && entry.symlink()) {
        if (++hops > 40) {
          throw new IllegalStateException("too many symbolic links resolving " + path);
        }
        done.removeLast();
        if (entry.linkTarget().startsWith("/")) {
          done.clear();
        }
        List<String> target = new ArrayList<>(Arrays.asList(entry.linkTarget().split("/")));
        target.addAll(todo);
        todo = new ArrayDeque<>(target);
      }
    }
    return String.join("/", done);
  }

  /** The entry a path resolves to in the stacked tree, if there is one. */
  Entry file(String path) {
    return tree.get(resolve(path));
  }

  /** The first bytes of a regular file (fewer if it is shorter). */
  byte[] head(String path, int count) {
    Entry entry = file(path);
    if (entry == null || !entry.regularFile()) {
      throw new IllegalStateException(path + " is no regular file in the image");
    }
    byte[][] found = new byte[1][];
    scan(entry.layer(), (tar, in) -> {
      if (found[0] == null && normalize(tar.getName()).equals(entry.path())) {
        found[0] = in.readNBytes(count);
      }
    });
    return found[0];
  }

  private void add(int layer, TarArchiveEntry tar) {
    String path = normalize(tar.getName());
    String name = path.substring(path.lastIndexOf('/') + 1);
    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    entries.add(new Entry(layer, path, tar.isSymbolicLink(), tar.getLinkName(), tar.isFile(), tar.getLongUserId()));
    if (name.equals(OPAQUE)) {
      tree.keySet().removeIf(p -> p.startsWith(dir + "/"));
    } else if (name.startsWith(WHITEOUT)) {
      String gone = (dir.isEmpty() ? "" : dir + "/") + name.substring(WHITEOUT.length());
      tree.keySet().removeIf(p -> p.equals(gone) || p.startsWith(gone + "/"));
    } else if (!path.isEmpty()) {
      tree.put(path, entries.get(entries.size() - 1));
    }
  }

  private interface EntryReader {
    void read(TarArchiveEntry entry, InputStream content) throws IOException;
  }

  private void scan(int layer, EntryReader reader) {
    try (InputStream blob = registry.blob(repository, layerDigests.get(layer));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(blob, 1 << 16))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        reader.read(entry, tar);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading layer " + layerDigests.get(layer) + " of " + repository, e);
    }
  }

  private static String normalize(String name) {
    String path = name.startsWith("./") ? name.substring(2) : name.startsWith("/") ? name.substring(1) : name;
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
