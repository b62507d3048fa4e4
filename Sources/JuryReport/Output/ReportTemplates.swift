import Foundation
import Mustache

/// The report's templates and stylesheet, shipped as package resources in
/// `Templates/`. Every `*.mustache` file there is registered under its name
/// (`index.mustache` → `index`), in name order.
enum ReportTemplates {
    static var folder: URL? {
        Bundle.module.url(forResource: "Templates", withExtension: nil)
    }

    static func library() throws -> MustacheLibrary {
        guard let folder else { throw ReportError.template(name: "Templates", reason: "folder not found") }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw ReportError.template(name: "Templates", reason: "\(error)")
        }
        var library = MustacheLibrary()
        for file in names {
            let name = String(file.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
                throw ReportError.template(name: name, reason: "cannot be read")
            }
            do {
                try library.register(String(decoding: data, as: UTF8.self), named: name)
            } catch {
                throw ReportError.template(name: name, reason: "\(error)")
            }
        }
        return library
    }

    static func stylesheet() throws -> [UInt8] {
        guard let url = folder?.appendingPathComponent("style.css"), let data = FileManager.default.contents(atPath: url.path) else {
            throw ReportError.template(name: "style.css", reason: "not found")
        }
        return [UInt8](data)
    }
}
