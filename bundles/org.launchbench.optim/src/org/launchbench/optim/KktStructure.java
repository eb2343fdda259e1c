package org.launchbench.optim;

import java.util.Arrays;
import java.util.Map;

/**
 * A program's structure, everything about it that its numbers do not change: the blocks of G eliminated
 * together, the reduced and (on demand) full systems' orderings and envelopes, and where each entry of A, G and
 * Gᵀ W⁻² G goes in them. A time-of-flight search or a closed loop solves dozens of programs of one pattern, so
 * {@link #of} keeps the structures it has analysed. Immutable once built (the full system's part is built once,
 * under a lock), so shared between threads.
 */
final class KktStructure {
    /** Patterns kept at most; beyond, the cache starts again. */
    private static final int CACHED = 64;

    final int n;
    final int pe;
    final int m;
    final int orthant;
    final int[] cones;
    /**
     * The blocks of G eliminated together: each orthant row, then each cone. Block b has rows blockRow[b] …
     * blockRow[b + 1] - 1 of G and touches u variables (columnStart[b + 1] - columnStart[b]); its rows as a
     * dense rows × u matrix start at blockG[gStart[b]] (G's k-th nonzero at blockG[gBlock[k]]), and the lower
     * triangle of its u × u contribution to Gᵀ W⁻² G goes to the reduced matrix's values[blockPosition[positionStart[b]
     * + i u + j]] (j ≤ i).
     */
    final int[] blockRow;
    final int[] columnStart;
    final int[] gStart;
    final int[] gBlock;
    final int[] positionStart;
    final int[] blockPosition;
    /** The reduced matrix's envelope, and where A's entries go in it. */
    final EnvelopeShape reduced;
    /** The reduced matrix's off-diagonal pattern (for {@link BandedKkt#orderingOperations}). */
    final IndexPairs reducedPattern;
    final int[] aReduced;
    /** The program's pattern (A's and G's, the cones), for the full system's analysis. */
    private final SparseMatrix a;
    private final SparseMatrix g;
    private Full full;

    /** The full system's envelope and where A's, G's and W²'s entries go in it. */
    record Full(EnvelopeShape shape, int[] a, int[] g, int[] w) {
    }

    /**
     * @param cache the structures analysed so far, by pattern (thread-safe)
     * @param p     a program
     * @return its structure, analysed now or taken from the cache
     */
    static KktStructure of(Map<KktPattern, KktStructure> cache, SparseConeProgram p) {
        KktPattern key = new KktPattern(p);
        KktStructure s = cache.get(key);
        if (s == null) {
            s = new KktStructure(p);
            if (cache.size() >= CACHED) {
                cache.clear();
            }
            cache.put(key, s);
        }
        return s;
    }

    KktStructure(SparseConeProgram p) {
        n = p.variables();
        pe = p.b().length;
        m = p.coneRows();
        orthant = p.orthant();
        cones = p.cones().clone();
        a = p.a();
        g = p.g();
        int blocks = orthant + cones.length;
        blockRow = new int[blocks + 1];
        for (int b = 0; b < blocks; b++) {
            blockRow[b + 1] = blockRow[b] + (b < orthant ? 1 : cones[b - orthant]);
        }
        // each block's columns: the union of its rows' columns
        columnStart = new int[blocks + 1];
        gStart = new int[blocks + 1];
        positionStart = new int[blocks + 1];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] cols = new int[Math.max(16, g.column.length)];
        int total = 0;
        for (int b = 0; b < blocks; b++) {
            columnStart[b] = total;
            for (int r = blockRow[b]; r < blockRow[b + 1]; r++) {
                for (int k = g.start[r]; k < g.start[r + 1]; k++) {
                    int j = g.column[k];
                    if (mark[j] != b) {
                        mark[j] = b;
                        cols[total++] = j;
                    }
                }
            }
            Arrays.sort(cols, columnStart[b], total);
            int u = total - columnStart[b];
            gStart[b + 1] = gStart[b] + (blockRow[b + 1] - blockRow[b]) * u;
            positionStart[b + 1] = positionStart[b] + u * u;
        }
        columnStart[blocks] = total;
        int[] blockColumns = Arrays.copyOf(cols, total);
        gBlock = new int[g.value.length];
        int[] local = new int[n];
        IndexPairs pattern = new IndexPairs();
        for (int r = 0; r < pe; r++) {
            for (int k = a.start[r]; k < a.start[r + 1]; k++) {
                pattern.add(n + r, a.column[k]);
            }
        }
        for (int b = 0; b < blocks; b++) {
            int u = columnStart[b + 1] - columnStart[b];
            for (int i = 0; i < u; i++) {
                local[blockColumns[columnStart[b] + i]] = i;
                for (int j = 0; j < i; j++) {
                    pattern.add(blockColumns[columnStart[b] + i], blockColumns[columnStart[b] + j]);
                }
            }
            for (int r = blockRow[b]; r < blockRow[b + 1]; r++) {
                int row = gStart[b] + (r - blockRow[b]) * u;
                for (int k = g.start[r]; k < g.start[r + 1]; k++) {
                    gBlock[k] = row + local[g.column[k]];
                }
            }
        }
        reduced = EnvelopeShape.of(n + pe, n, pattern);
        reducedPattern = pattern;
        aReduced = new int[a.value.length];
        for (int r = 0; r < pe; r++) {
            for (int k = a.start[r]; k < a.start[r + 1]; k++) {
                aReduced[k] = reduced.position(n + r, a.column[k]);
            }
        }
        blockPosition = new int[positionStart[blocks]];
        for (int b = 0; b < blocks; b++) {
            int u = columnStart[b + 1] - columnStart[b];
            for (int i = 0; i < u; i++) {
                for (int j = 0; j <= i; j++) {
                    blockPosition[positionStart[b] + i * u + j] =
                        reduced.position(blockColumns[columnStart[b] + i], blockColumns[columnStart[b] + j]);
                }
            }
        }
    }

    /** @return the full system's structure, analysed on the first call */
    synchronized Full full() {
        if (full == null) {
            full = analyseFull();
        }
        return full;
    }

    private Full analyseFull() {
        IndexPairs pattern = new IndexPairs();
        for (int r = 0; r < pe; r++) {
            for (int k = a.start[r]; k < a.start[r + 1]; k++) {
                pattern.add(n + r, a.column[k]);
            }
        }
        int base = n + pe;
        for (int r = 0; r < m; r++) {
            for (int k = g.start[r]; k < g.start[r + 1]; k++) {
                pattern.add(base + r, g.column[k]);
            }
        }
        for (int c = 0, k = orthant; c < cones.length; k += cones[c++]) {
            for (int i = 1; i < cones[c]; i++) {
                for (int j = 0; j < i; j++) {
                    pattern.add(base + k + i, base + k + j);
                }
            }
        }
        EnvelopeShape shape = EnvelopeShape.of(base + m, n, pattern);
        int[] af = new int[a.value.length];
        for (int r = 0; r < pe; r++) {
            for (int k = a.start[r]; k < a.start[r + 1]; k++) {
                af[k] = shape.position(n + r, a.column[k]);
            }
        }
        int[] gf = new int[g.value.length];
        for (int r = 0; r < m; r++) {
            for (int k = g.start[r]; k < g.start[r + 1]; k++) {
                gf[k] = shape.position(base + r, g.column[k]);
            }
        }
        int count = orthant;
        for (int q : cones) {
            count += q * q;
        }
        int[] wf = new int[count];
        for (int i = 0; i < orthant; i++) {
            wf[i] = shape.position(base + i, base + i);
        }
        int at = orthant;
        for (int c = 0, k = orthant; c < cones.length; k += cones[c++]) {
            for (int i = 0; i < cones[c]; i++) {
                for (int j = 0; j < cones[c]; j++) {
                    wf[at++] = shape.position(base + k + i, base + k + j);
                }
            }
        }
        return new Full(shape, af, gf, wf);
    }
}
