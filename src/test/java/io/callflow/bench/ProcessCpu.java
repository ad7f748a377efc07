package io.callflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of processes as Linux accounts it in {@code /proc/<pid>/stat} (clock ticks of 10 ms): a
 * JVM's whole process, or a PostgreSQL server — the postmaster, its live children (every backend,
 * the checkpointer, the WAL writer, …) and the children it has already reaped.
 */
final class ProcessCpu {

  private static final double MS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

  private ProcessCpu() {}

  /** User + system CPU of one process, in ms; 0 once it is gone. */
  static double ofProcess(long pid) {
    long[] fields = stat(pid);
    return fields == null ? 0 : (fields[UTIME] + fields[STIME]) * MS_PER_TICK;
  }

  /**
   * The postmaster's own CPU and what its exited children used, plus the CPU of every live child: a
   * backend that exits during a measurement moves from the second sum to the first.
   */
  static double ofPostgres(long postmasterPid) {
    long[] postmaster = stat(postmasterPid);
    if (postmaster == null) {
      return 0;
    }
    long ticks =
        postmaster[UTIME]
            + postmaster[STIME]
            + postmaster[CHILDREN_UTIME]
            + postmaster[CHILDREN_STIME];
    try (Stream<Path> all = Files.list(Path.of("/proc"))) {
      for (Path entry : all.toList()) {
        String name = entry.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          long[] child = stat(Long.parseLong(name));
          if (child != null && child[PPID] == postmasterPid) {
            ticks += child[UTIME] + child[STIME];
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ticks * MS_PER_TICK;
  }

  /**
   * CPU of a JVM's JIT compiler threads, in ms: the threads Linux names {@code C1 CompilerThre…}
   * and {@code C2 CompilerThre…}. While they are busy the server's code is still being compiled,
   * and its CPU per request still falling.
   */
  static double ofCompilerThreads(long pid) {
    long ticks = 0;
    try (Stream<Path> threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path thread : threads.toList()) {
        if (isCompilerThread(thread)) {
          long[] fields = stat(thread.resolve("stat"));
          ticks += fields == null ? 0 : fields[UTIME] + fields[STIME];
        }
      }
    } catch (IOException gone) {
      return 0;
    }
    return ticks * MS_PER_TICK;
  }

  /**
   * CPU of each of a JVM's threads, in ms, by the name Linux gives it (cut to 15 characters) and
   * its native id as a thread dump shows it ({@code nid=0x…}); empty once the process is gone.
   */
  static Map<String, Double> byThread(long pid) {
    Map<String, Double> cpu = new HashMap<>();
    try (Stream<Path> threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path thread : threads.toList()) {
        long[] fields = stat(thread.resolve("stat"));
        String name = threadName(thread);
        if (fields != null && name != null) {
          String nid = Long.toHexString(Long.parseLong(thread.getFileName().toString()));
          cpu.put(name + " (nid=0x" + nid + ")", (fields[UTIME] + fields[STIME]) * MS_PER_TICK);
        }
      }
    } catch (IOException gone) {
      return Map.of();
    }
    return cpu;
  }

  /** The name Linux gives a thread, null once it has exited. */
  private static String threadName(Path thread) {
    try {
      return Files.readString(thread.resolve("comm")).strip();
    } catch (IOException exited) {
      return null;
    }
  }

  private static boolean isCompilerThread(Path thread) {
    String name = threadName(thread);
    return name != null
        && (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre"));
  }

  /** The postmaster's pid, from line 1 of {@code postmaster.pid} in the data folder. */
  static long postmasterPid(Path databaseDir) {
    try {
      List<String> lines = Files.readAllLines(databaseDir.resolve("postmaster.pid"));
      return Long.parseLong(lines.get(0).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Resident memory of a process in MB, from {@code /proc/<pid>/status}. */
  static double residentMb(long pid) {
    try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
      return lines
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024)
          .findFirst()
          .orElse(0.0);
    } catch (IOException e) {
      return 0;
    }
  }

  // indexes into the fields after the command name: field 4 (ppid) is index 1, and so on
  private static final int PPID = 1;
  private static final int UTIME = 11;
  private static final int STIME = 12;
  private static final int CHILDREN_UTIME = 13;
  private static final int CHILDREN_STIME = 14;

  private static long[] stat(long pid) {
    return stat(Path.of("/proc/" + pid + "/stat"));
  }

  private static long[] stat(Path file) {
    String line;
    try {
      line = Files.readString(file);
    } catch (NoSuchFileException gone) {
      return null;
    } catch (IOException e) {
      return null; // exited between listing and reading
    }
    // the command name may hold spaces and parentheses: the fields start after the last ')'
    String[] parts = line.substring(line.lastIndexOf(')') + 2).split(" ");
    long[] fields = new long[CHILDREN_STIME + 1];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = i == 0 ? 0 : Long.parseLong(parts[i]);
    }
    return fields;
  }
}
