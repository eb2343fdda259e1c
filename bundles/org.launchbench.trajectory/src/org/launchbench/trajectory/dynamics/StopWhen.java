package org.launchbench.trajectory.dynamics;

import java.util.function.ToDoubleFunction;

import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * Stops an integration where a function of the state crosses zero in one direction (burnout, ground contact,
 * target energy), located to the given time accuracy; crossings the other way are ignored.
 *
 * @param function  the switching function
 * @param rising    true to stop on an upward crossing, false on a downward one
 * @param maxCheck  largest interval between checks, s (shorter than the shortest excursion to be detected)
 * @param accuracy  time accuracy of the located event, s
 * @param onEvent   run when the event stops the integration
 */
public record StopWhen(ToDoubleFunction<ODEStateAndDerivative> function, boolean rising, double maxCheck,
                       double accuracy, Runnable onEvent) implements ODEEventDetector {

    @Override
    public AdaptableInterval getMaxCheckInterval() {
        return AdaptableInterval.of(maxCheck);
    }

    @Override
    public int getMaxIterationCount() {
        return 100;
    }

    @Override
    public BracketingNthOrderBrentSolver getSolver() {
        return new BracketingNthOrderBrentSolver(accuracy, 5);
    }

    @Override
    public ODEEventHandler getHandler() {
        return (state, detector, increasing) -> {
            if (increasing != rising) {
                return Action.CONTINUE;
            }
            onEvent.run();
            return Action.STOP;
        };
    }

    @Override
    public double g(ODEStateAndDerivative state) {
        return function.applyAsDouble(state);
    }
}
