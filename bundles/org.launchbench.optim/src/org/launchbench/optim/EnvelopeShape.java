package org.launchbench.optim;


/**
 * The envelope of a symmetric matrix of fixed pattern in an order (reverse Cuthill-McKee's or Sloan's, whichever
 * factorises in fewer operations: {@link #of}): row i (new order) holds
 * columns first[i] … i at values[offset[i] + column]. Unknowns below {@code positives} (old order) have positive
 * pivots, the others negative. Immutable.
 */
final class EnvelopeShape {
    final int size;
    final int positives;
    /** perm[new] = old; inverse[old] = new. */
    final int[] perm;
    final int[] inverse;
    final int[] first;
    final int[] offset;
    /** Envelope entries, diagonal included. */
    final int count;
    final int bandwidth;

    /**
     * The envelope in the order whose factorisation takes fewer operations: reverse Cuthill-McKee, or Sloan's, which
     * aims at a small profile rather than a small bandwidth (S. W. Sloan, "An algorithm for profile and wavefront
     * reduction of sparse matrices", Int. J. Numer. Meth. Engng 23, 1986), which wins on the landing guidance's
     * programs (docs/benchmarks.md); RCM is kept where it does better.
     */
    static EnvelopeShape of(int size, int positives, IndexPairs pattern) {
        int[] rcm = ReverseCuthillMcKee.order(size, pattern);
        EnvelopeShape byBand = new EnvelopeShape(size, positives, pattern, rcm);
        EnvelopeShape byProfile = new EnvelopeShape(size, positives, pattern, SloanOrdering.order(size, pattern, rcm));
        return byProfile.operations() < byBand.operations() ? byProfile : byBand;
    }

    /** @param perm the order, perm[new] = old */
    EnvelopeShape(int size, int positives, IndexPairs pattern, int[] perm) {
        this.size = size;
        this.positives = positives;
        this.perm = perm;
        inverse = new int[size];
        for (int i = 0; i < size; i++) {
            inverse[perm[i]] = i;
        }
        first = new int[size];
        for (int i = 0; i < size; i++) {
            first[i] = i;
        }
        for (int k = 0; k < pattern.count; k++) {
            int i = inverse[pattern.i[k]];
            int j = inverse[pattern.j[k]];
            if (i < j) {
                first[j] = Math.min(first[j], i);
            } else {
                first[i] = Math.min(first[i], j);
            }
        }
        offset = new int[size];
        int entries = 0;
        int bw = 0;
        for (int i = 0; i < size; i++) {
            offset[i] = entries - first[i];
            entries += i - first[i] + 1;
            bw = Math.max(bw, i - first[i]);
        }
        count = entries;
        bandwidth = bw;
    }

    /** @return the multiply-adds of an L D Lᵀ factorisation in this envelope */
    long operations() {
        long operations = 0;
        for (int i = 0; i < size; i++) {
            for (int j = first[i]; j < i; j++) {
                operations += j - Math.max(first[i], first[j]) + 1;
            }
        }
        return operations;
    }

    /** @return the index in the values of the lower-triangle entry at (i, j) or (j, i), old order */
    int position(int i, int j) {
        int ni = inverse[i];
        int nj = inverse[j];
        return ni >= nj ? offset[ni] + nj : offset[nj] + ni;
    }
}
