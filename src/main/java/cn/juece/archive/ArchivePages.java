package cn.juece.archive;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.web.StaffPage;

/** The dossier page's form for the archive number (Art. 59). */
@Controller
@StaffPage
class ArchivePages {

    private final ArchiveService archive;

    ArchivePages(ArchiveService archive) {
        this.archive = archive;
    }

    @PostMapping("/decisions/{number}/archive")
    String record(@PathVariable String number, @RequestParam(required = false) String archiveNumber,
                  @RequestParam(required = false) String note) {
        archive.recordNumber(number, archiveNumber, note);
        return "redirect:/decisions/" + number + "#archive";
    }
}
