/**
 * A vehicle model's stage as a 6-DOF body: its rigid-body figures (given in the model, or estimated from its
 * dimensions by a stated method) and the force models, mass model and actuator limits built from them.
 */
package org.launchbench.flight.vehicle;
