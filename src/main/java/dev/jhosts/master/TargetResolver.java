package dev.jhosts.master;

import dev.jhosts.catalog.EffectiveOptions;

/** What {@code ssh -G} says about a target; an interface so that orchestration can be tested without ssh. */
@FunctionalInterface
public interface TargetResolver {
    EffectiveOptions resolve(MasterTarget target) throws MasterException;
}
