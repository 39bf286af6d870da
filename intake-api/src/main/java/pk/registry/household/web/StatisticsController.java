package pk.registry.household.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import pk.registry.household.HouseholdManagement;
import pk.registry.household.Statistics;
import pk.registry.kernel.Actor;

@Tag(name = "Statistics")
@RestController
class StatisticsController {

    private final HouseholdManagement households;

    StatisticsController(HouseholdManagement households) {
        this.households = households;
    }

    @Operation(summary = "Aggregate counts: households and persons, in total and per district (cells under 10 suppressed)")
    @GetMapping(path = "/api/v1/statistics", produces = "application/json")
    Statistics statistics(Actor actor) {
        return households.statistics(actor);
    }
}
