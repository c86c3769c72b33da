package gov.suggestions.reporting.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * How each unit's documents are marked and sent, as its office prints them (GB/T 9704 layout): the issuing organ's
 * mark (发文机关标志) in red above the document number, and the 版记 at the end (抄送, 印发机关). Keyed by unit code, e.g.
 * {@code reporting.documents.unit.sz-zsj.organ-mark=深圳市政务服务数据管理局文件}. A unit without settings gets the
 * publisher of its summary's disclosure header as its mark and 印发机关, and no 抄送 line.
 */
@ConfigMapping(prefix = "reporting.documents")
public interface DocumentConfig {

    Map<String, UnitDocuments> unit();

    interface UnitDocuments {

        /** 发文机关标志, e.g. "深圳市政务服务数据管理局文件". */
        Optional<String> organMark();

        /** 印发机关, e.g. "深圳市政务服务数据管理局办公室". */
        Optional<String> issuingOffice();

        /** 抄送机关, in order. */
        Optional<List<String>> copyTo();
    }
}
