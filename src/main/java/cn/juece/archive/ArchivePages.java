package cn.juece.archive;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.web.StaffPage;

/** The dossier page's form for the archive number and its archive package button (Art. 59). */
@Controller
@StaffPage
class ArchivePages {

    private final ArchiveService archive;
    private final ArchivePackage archivePackage;
    private final cn.juece.access.DecisionAccess access;
    private final cn.juece.identity.Directory directory;

    ArchivePages(ArchiveService archive, ArchivePackage archivePackage, cn.juece.access.DecisionAccess access,
                 cn.juece.identity.Directory directory) {
        this.archive = archive;
        this.archivePackage = archivePackage;
        this.access = access;
        this.directory = directory;
    }

    /** The dossier's button for the government office: the archive package (Art. 59). */
    @org.springframework.web.bind.annotation.GetMapping("/decisions/{number}/archive-package")
    void exportPackage(@PathVariable String number, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        ArchivePackageApi.send(archivePackage, access, directory, number, response);
    }

    @PostMapping("/decisions/{number}/archive")
    String record(@PathVariable String number, @RequestParam(required = false) String archiveNumber,
                  @RequestParam(required = false) String note) {
        archive.recordNumber(number, archiveNumber, note);
        return "redirect:/decisions/" + number + "#archive";
    }
}
