package org.launchbench.optim;

import java.util.Arrays;

/**
 * A program's sparsity pattern: the variables, the cones and where A's and G's nonzeros are. Two programs with
 * equal patterns have the same {@link KktStructure}.
 */
final class KktPattern {
    private final int n;
    private final int orthant;
    private final int[] cones;
    private final int[] aStart;
    private final int[] aColumn;
    private final int[] gStart;
    private final int[] gColumn;
    private final int hash;

    KktPattern(SparseConeProgram p) {
        n = p.variables();
        orthant = p.orthant();
        cones = p.cones();
        aStart = p.a().start;
        aColumn = p.a().column;
        gStart = p.g().start;
        gColumn = p.g().column;
        int h = 31 * n + orthant;
        h = 31 * h + Arrays.hashCode(cones);
        h = 31 * h + Arrays.hashCode(aStart);
        h = 31 * h + Arrays.hashCode(aColumn);
        h = 31 * h + Arrays.hashCode(gStart);
        hash = 31 * h + Arrays.hashCode(gColumn);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KktPattern q && hash == q.hash && n == q.n && orthant == q.orthant && Arrays.equals(cones, q.cones)
            && Arrays.equals(aStart, q.aStart) && Arrays.equals(aColumn, q.aColumn) && Arrays.equals(gStart, q.gStart)
            && Arrays.equals(gColumn, q.gColumn);
    }
}
