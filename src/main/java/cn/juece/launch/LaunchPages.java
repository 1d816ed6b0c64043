package cn.juece.launch;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.web.StaffPage;

/** The dossier page's forms for stage 2. */
@Controller
@StaffPage
class LaunchPages {

    private final LaunchService launch;

    LaunchPages(LaunchService launch) {
        this.launch = launch;
    }

    @PostMapping("/decisions/{number}/units")
    String name(@PathVariable String number, @RequestParam(required = false) String leadUnit,
                @RequestParam(required = false) List<String> coUnits, @RequestParam(required = false) String basis) {
        launch.nameUnits(number, leadUnit, coUnits, basis);
        return "redirect:/decisions/" + number + "#early-units";
    }

    @PostMapping("/decisions/{number}/unit-change")
    String change(@PathVariable String number, @RequestParam(required = false) String fromUnit,
                  @RequestParam(required = false) String toUnit, @RequestParam(required = false) String ground) {
        launch.changeUnit(number, fromUnit, toUnit, ground);
        return "redirect:/decisions/" + number + "#early-units";
    }
}
