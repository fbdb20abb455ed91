import CitywideModel

/// Column names that identify a person. A data file that has one is a list of
/// people, not an aggregate, and Citywide refuses it whole: survivors and
/// immigrants must never be one upload away from being published. A metric
/// may not declare a dimension of these names either.
package enum PersonLevelColumns {
    /// Compared after lowercasing and removing spaces, `_`, `-` and `.`.
    package static let names: Set<String> = [
        "name", "firstname", "lastname", "fullname", "surname", "givenname", "middlename", "clientname", "victimname", "survivorname",
        "dob", "dateofbirth", "birthdate", "birthday", "dateofbirthdob",
        "address", "streetaddress", "homeaddress", "street", "address1", "address2", "addressline1", "addressline2",
        "phone", "phonenumber", "telephone", "mobile", "cellphone", "tel",
        "email", "emailaddress", "mail",
        "caseid", "casenumber", "caseno", "clientid", "clientnumber", "personid", "participantid", "victimid", "survivorid",
        "patientid", "recordid", "individualid", "memberid", "studentid", "mrn", "medicalrecordnumber",
        "ssn", "socialsecurity", "socialsecuritynumber", "sin", "nationalid", "passport", "passportnumber",
        "client", "victim", "survivor", "person", "patient", "participant", "individual", "initials",
        "id", "idnumber", "idno", "identifier", "uid", "uuid", "guid",
        "alienid", "anumber", "alienregistrationnumber", "driverslicense", "driverlicense", "licensenumber", "ipaddress",
    ]

    package static func identifies(_ column: String) -> Bool {
        let key = String(column.lowercased().unicodeScalars.filter { !" _-.\t".unicodeScalars.contains($0) })
        return names.contains(key)
    }
}
