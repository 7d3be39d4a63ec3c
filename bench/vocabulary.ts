/**
 * Vocabulary for the synthetic benchmark corpus (see `generate.ts`).
 *
 * Places and international organisations are real, so the text reads like real
 * news; every person, outlet, news agency, event and number is invented. Name
 * lists are grouped by culture so a story set in Sudan quotes Sudanese-sounding
 * residents, and each culture has syllables for inventing village names: the
 * long tail of proper nouns is what keeps a full-text index's posting lists
 * realistic at 100,000 articles.
 */

/** Splits a space-separated word list; `|` joins multi-word entries ("al-Masri|Jr" is never needed). */
const w = (s: string): readonly string[] => Object.freeze(s.trim().split(/\s+/).map((x) => x.replace(/_/g, ' ')));

export interface Culture {
  readonly male: readonly string[];
  readonly female: readonly string[];
  readonly last: readonly string[];
  /** Village-name parts: prefix (may be empty), syllables, suffix. */
  readonly placePrefix: readonly string[];
  readonly placeSyllables: readonly string[];
  readonly placeSuffix: readonly string[];
  /** Endings for invented surnames ("-" for none). */
  readonly surnameEnds: readonly string[];
}

export const CULTURES = {
  arab: {
    male: w('Ahmed Mohammed Omar Khaled Hassan Hussein Ali Youssef Ibrahim Mahmoud Tariq Samir Walid Karim Rami Bassam Nabil Faisal Majid Adel Mustafa Ziad Hamza Anas Jamal Bilal Osama Fadi Marwan Saeed'),
    female: w('Fatima Aisha Mariam Layla Noura Huda Rania Salma Amira Dalia Hiba Yasmin Reem Zainab Samira Lina Nadia Souad Mona Ghada Asmaa Rasha Hanan Nour Jumana'),
    last: w('Haddad Khalil Mansour Nasser Saleh Hamdan Darwish Qasim al-Masri al-Hassan Abdullah Farouk Jaber Khoury Barakat Aziz Rahman Zaki Suleiman Hijazi al-Tamimi Shalabi Badawi Abboud Ghanem Nassar Othman el-Sayed Mostafa Fathi Ismail al-Amin Hamid Bakri Sabbagh al-Obeidi Kanaan Ashour Dabbagh al-Zoubi'),
    placePrefix: w('Kafr_ Tell_ Deir_ Ain_ Bir_ Jabal_ Khirbet_ Umm_ Beit_ Wadi_ Ras_ Qasr_ - - - -'),
    placeSyllables: w('ra ba sha na ma zu wei han dal qa sin tar mu ja hud rif sal kar bar noun tab ham zab'),
    placeSuffix: w('a iya oun ein at ah an ir - -'),
    surnameEnds: w('- - - i a ani awi'),
  },
  ethiopian: {
    male: w('Tesfaye Getachew Alemu Berhane Gebremedhin Haile Mulugeta Yohannes Dawit Solomon Abebe Kebede Tekle Girma Bereket Amanuel Fitsum Henok Mesfin Yared'),
    female: w('Selam Tsehay Meron Hiwot Almaz Tigist Bethlehem Ruth Hanna Mekdes Saba Lemlem Aster Rahel Senait'),
    last: w('Tesfay Gebre Kahsay Woldemariam Negash Asfaw Bekele Desta Tadesse Mekonnen Hagos Abraha Gebreyesus Tsegay Berhe Araya Kidane Weldu Assefa Demissie Lemma Tefera Gidey'),
    placePrefix: w('Adi_ Mai_ Enda_ May_ - - - -'),
    placeSyllables: w('gra mek wer ab ke lay hag ten ber ha ne de so ta mu ge'),
    placeSuffix: w('a e at o ti -'),
    surnameEnds: w('- - e u o at'),
  },
  somali: {
    male: w('Abdi Mohamed Abdirahman Ahmed Abdullahi Hassan Yusuf Omar Ismail Farah Mahad Liban Said Bashir Abdiweli'),
    female: w('Hodan Faadumo Ayaan Sahra Halima Hibo Asha Khadija Ubah Deeqa Nasra Fowsiya'),
    last: w('Warsame Farah Nur Aden Osman Jama Yusuf Hersi Mohamud Ali Guled Abdi Hussein Elmi Dahir Samatar Gedi Ibrahim Abdulle Duale'),
    placePrefix: w('Bula_ Ceel_ Buur_ - - - -'),
    placeSyllables: w('ga ba bur dhe haa war sha qo lo jo maa dhu'),
    placeSuffix: w('ale ow ley o -'),
    surnameEnds: w('- - e ow i'),
  },
  swahili: {
    male: w('Juma Baraka Salim Hamisi Kassim Otieno Kamau Ochieng Mwangi Kiprop Odhiambo Wafula Kimani Njoroge Mutua Barasa Emmanuel Peter Joseph Daniel'),
    female: w('Rehema Mwajuma Neema Wanjiru Njeri Akinyi Chebet Muthoni Atieno Wambui Zawadi Faith Grace Mercy Halima'),
    last: w('Mushi Mrema Lyimo Massawe Otieno Kamau Ochieng Mwangi Kiprotich Odhiambo Wafula Kimani Njoroge Mutua Barasa Omondi Owino Kariuki Chege Wekesa Makori Nyambura Kirui Mbwana Mwakyusa'),
    placePrefix: w('Ki Nya Ma Mu Bu - - -'),
    placeSyllables: w('ka ri mba ngo to la we si mu ra ge tu nyi ko'),
    placeSuffix: w('ni ra ma we -'),
    surnameEnds: w('- - i a o we'),
  },
  congolese: {
    male: w('Jean-Pierre Patrick Alain Christophe Emmanuel Josue Moise Fiston Dieudonne Serge Trésor Jacques Pascal Innocent Gloire Bienvenu Mwamba Kabila Chanceux Olivier'),
    female: w('Esperance Furaha Mireille Clarisse Nadine Solange Josephine Chantal Nsimire Riziki Aline Grace Faida Sifa Neema'),
    last: w('Mukendi Kabongo Tshibanda Ilunga Mbuyi Kasongo Lukusa Ngoy Mutombo Kalonji Bahati Muhindo Kambale Kahindo Mumbere Paluku Byamungu Mapendo Bisimwa Cirhuza Lubala Mwenze Kyungu Mulumba'),
    placePrefix: w('Ki Ka Bu Lu Mu - - -'),
    placeSyllables: w('lu ba ko nda sha ngi mbi wa tu le ka ri vu ge'),
    placeSuffix: w('e a o ga -'),
    surnameEnds: w('- - a o e ngo'),
  },
  zambian: {
    male: w('Mwansa Chanda Mulenga Bwalya Mutale Kelvin Chileshe Musonda Lubinda Kalaba Brian Mapalo Emmanuel Joseph Chomba'),
    female: w('Mwaka Natasha Chipo Mutinta Namwila Precious Bupe Chanda Mulenga Ruth Memory Taonga'),
    last: w('Banda Phiri Mwale Zulu Tembo Mumba Chilufya Mulenga Kabwe Sakala Ngoma Daka Lungu Chanda Mwila Musonda Bwalya Nkhata Simukonda Hichilema'),
    placePrefix: w('Chi Ka Mu Lu - - -'),
    placeSyllables: w('wa ma nga ta mbe lo si ku pe ba'),
    placeSuffix: w('a e i -'),
    surnameEnds: w('- - a e o'),
  },
  lusophone: {
    male: w('Joao Armando Filipe Celestino Abdul Manuel Antonio Jose Carlos Fernando Alberto Ernesto Domingos Tomas Rui Paulo Jorge Luis Agostinho Ricardo'),
    female: w('Felizarda Graca Maria Ana Fatima Isabel Rosa Helena Luisa Ermelinda Celeste Teresa Beatriz Rita Lucia'),
    last: w('Machava Mondlane Cossa Sitoe Macuacua Chissano Langa Mabunda Nhantumbo Muianga Tembe Sousa Silva Santos Pereira Oliveira Costa Almeida Ferreira Rodrigues Nunes Mendes Cardoso Ribeiro Barbosa'),
    placePrefix: w('Nova_ Vila_ Santa_ Sao_ - - - -'),
    placeSyllables: w('ma nhu tan ca bo ri ze la mo tu ngo chi'),
    placeSuffix: w('a o e ane ini -'),
    surnameEnds: w('- - es a o ane'),
  },
  westAfrican: {
    male: w('Ousmane Mamadou Ibrahim Boukary Issa Abdoulaye Seydou Moussa Amadou Salif Lamine Souleymane Idrissa Hamidou Kofi Kwame Momodu Alhaji Mohamed Foday'),
    female: w('Aminata Mariam Fatoumata Awa Kadiatou Rokia Salimata Assetou Adama Haoua Mariama Isatou Hawa Kadie Esther'),
    last: w('Ouedraogo Sawadogo Kabore Traore Diallo Coulibaly Sankara Zongo Compaore Kone Toure Sylla Bah Camara Kamara Sesay Conteh Koroma Bangura Johnson Kpoto Massaquoi Cisse Keita Diarra'),
    placePrefix: w('- - - - Koul Tin Dio'),
    placeSyllables: w('go ba ko ou sa ri ma da fa ya bou li gou te'),
    placeSuffix: w('go re la ba si ma -'),
    surnameEnds: w('- - e ogo a ra'),
  },
  pakistani: {
    male: w('Imran Bilal Zubair Asad Kamran Faisal Tariq Junaid Usman Shahid Naveed Arshad Rizwan Adnan Waqar Sajid Hamid Fahad Nadeem Ghulam'),
    female: w('Ayesha Sana Nasreen Farida Rukhsana Shazia Amna Saima Nadia Hina Rabia Sadia Bushra Mehwish Zainab'),
    last: w('Khan Baloch Shah Malik Qureshi Bhutto Abbasi Iqbal Chaudhry Butt Mirza Soomro Jatoi Memon Shaikh Khattak Afridi Yousafzai Rind Magsi Lashari Brohi Junejo Mengal'),
    placePrefix: w('Goth_ Chak_ - - - -'),
    placeSyllables: w('la ra kot pur bad sha ni mir dad jan gul wal'),
    placeSuffix: w('pur abad kot wala -'),
    surnameEnds: w('- - i zai ani'),
  },
  bengali: {
    male: w('Tanvir Arif Sabbir Mahmudul Rafiqul Shafiqul Nazmul Rashed Habib Sohel Kamrul Jahid Imtiaz Masud Anisur Saiful Rakib Tariqul'),
    female: w('Nusrat Sultana Akter Farzana Sharmin Taslima Rokeya Shirin Nasima Jannatul Sadia Mim Rehana Hasina Poppy'),
    last: w('Rahman Hossain Islam Ahmed Chowdhury Akter Begum Sarkar Mia Uddin Haque Alam Khatun Talukder Bhuiyan Siddique Mollah Karim Sheikh Mondal'),
    placePrefix: w('- - - -'),
    placeSyllables: w('ba ri sal pur gon ja ma dhan char kan shi go nai'),
    placeSuffix: w('pur ganj hat nagar bari -'),
    surnameEnds: w('- - i uddin'),
  },
  indian: {
    male: w('Suresh Rajesh Abdul Arun Vinod Sanjay Thomas Joseph Anil Manoj Ravi Prakash Deepak Harish Sunil Biju Shaji Ramesh Ajith Vijay'),
    female: w('Lakshmi Anitha Priya Deepa Sreeja Bindu Latha Geetha Sajitha Divya Reshma Aswathy Shabna Meera Kavitha'),
    last: w('Nair Menon Pillai Kumar Thomas Joseph Varghese Krishnan Kurian Mathew Chacko Raj Das Iyer Babu Rajan Narayanan Moideen Haneefa George Panicker Unnikrishnan Sasidharan'),
    placePrefix: w('- - - -'),
    placeSyllables: w('ka la pe ri mun da mala vay kot cher pu ni tal'),
    placeSuffix: w('ad ur am kara vayal -'),
    surnameEnds: w('- - an ath ar'),
  },
  nepali: {
    male: w('Ram Bishnu Prakash Suman Hari Krishna Dipendra Ramesh Binod Gopal Shyam Kamal Dhan Bikash Santosh'),
    female: w('Sita Kamala Gita Sarita Sunita Anita Laxmi Radha Pabitra Maya Sabina Parbati'),
    last: w('Sharma Thapa Gurung Tamang Shrestha Rai Magar Adhikari Poudel Karki Bhandari Lama Sherpa Khadka Basnet Pandey Bhattarai Koirala Dahal Rana'),
    placePrefix: w('- - - -'),
    placeSyllables: w('bar pak lang tang si ri ko te gha chu dho la'),
    placeSuffix: w('kot gaun chowk pur -'),
    surnameEnds: w('- - i ang'),
  },
  sinhala: {
    male: w('Kumara Nuwan Chaminda Lasantha Ruwan Sampath Dinesh Pradeep Asanka Thilina Mahinda Nalin Upul Janaka Tharindu'),
    female: w('Dilani Nirmala Sanduni Chathurika Kumari Ishara Nadeesha Rasika Tharushi Malini Shanika Anoma'),
    last: w('Perera Silva Fernando Jayasuriya Dissanayake Bandara Wickramasinghe Gunawardena Ranasinghe Herath Rathnayake Senanayake Jayawardena Karunaratne Amarasinghe Wijesinghe Kumarasiri Liyanage'),
    placePrefix: w('- - - -'),
    placeSyllables: w('ka ra ma ga la wa de ni go pi tu'),
    placeSuffix: w('gama pura wila pitiya -'),
    surnameEnds: w('- - ge singhe ratne'),
  },
  burmese: {
    male: w('Aung Kyaw Min Zaw Thant Htet Win Ko Naing Myo Soe Tun Phyo Hein Thura'),
    female: w('Thida Su Nilar Hla May Khin Ei Yadanar Nandar Phyu Hnin Thandar'),
    last: w('Aung Kyaw Myint Htun Oo Lwin Naing Win Zaw Thein Soe Tun Maung Htwe Khaing Moe Nyein Thu Paing Lin'),
    placePrefix: w('- - - -'),
    placeSyllables: w('kyauk myin taung pyin sa ma daw hla gon nyaung'),
    placeSuffix: w('gyi lay -'),
    surnameEnds: w('-'),
  },
  filipino: {
    male: w('Jose Juan Ricardo Rodel Arnel Jun Renato Eduardo Romeo Danilo Rogelio Marvin Jomar Bong Allan'),
    female: w('Maria Rosario Teresita Marites Lorna Jocelyn Analyn Rowena Cristina Gina Evangeline Liza'),
    last: w('Santos Reyes Cruz Bautista Garcia Mendoza Dela_Cruz Ramos Aquino Villanueva Tolentino Gonzales Castillo Pascual Salazar Cabrera Navarro Soriano Macaraeg Dumalagan'),
    placePrefix: w('San_ Santa_ - - - -'),
    placeSyllables: w('ba ta lo ma ni gu ya sa pa bi ca'),
    placeSuffix: w('an on ay ag -'),
    surnameEnds: w('- - an on ez'),
  },
  indonesian: {
    male: w('Budi Agus Yusuf Rudi Ahmad Hendra Eko Dedi Joko Bambang Wahyu Rizal Andi Iwan Taufik'),
    female: w('Siti Dewi Rina Indah Sri Ani Wati Nurul Fitri Lestari Ratna Yuni'),
    last: w('Wijaya Susanto Hidayat Nugroho Siregar Purnomo Saputra Lubis Santoso Hasibuan Pratama Kurniawan Setiawan Harahap Lamadjido Tombolotutu Pakaja Lasahido Rahmat Syamsuddin'),
    placePrefix: w('Desa_ - - - -'),
    placeSyllables: w('ta lo ma bo ro so ngi pa ka lu wa'),
    placeSuffix: w('ng ri a -'),
    surnameEnds: w('- - o i wan'),
  },
  persian: {
    male: w('Reza Ali Mohammad Hossein Mehdi Amir Saeed Hamid Javad Majid Nasser Farhad Kamran Davood Abdul Karim Naqibullah Gul Zabihullah'),
    female: w('Maryam Zahra Fatemeh Nasrin Shirin Parisa Leila Mahsa Narges Roya Soraya Farzaneh Sima Nilufar'),
    last: w('Hosseini Ahmadi Mohammadi Rezaei Karimi Moradi Jafari Rahimi Sadeghi Heidari Hashemi Kazemi Azizi Mousavi Ghorbani Noori Sultani Rahmani Amiri Samadi Popal Haqqani'),
    placePrefix: w('Deh_ Qal\'eh-ye_ - - - -'),
    placeSyllables: w('ab zar sang gol kan bad shah mir rud dar ja'),
    placeSuffix: w('abad an stan -'),
    surnameEnds: w('- i zadeh ani i'),
  },
  turkish: {
    male: w('Mehmet Mustafa Ahmet Ali Huseyin Hasan Ibrahim Murat Emre Burak Osman Yusuf Kemal Serkan Cem'),
    female: w('Ayse Fatma Emine Hatice Zeynep Elif Meryem Sultan Hacer Gul Esra Merve'),
    last: w('Yilmaz Kaya Demir Sahin Celik Yildiz Aydin Ozturk Arslan Dogan Kilic Aslan Cetin Kara Koc Kurt Ozdemir Simsek Polat Erdem'),
    placePrefix: w('- - - -'),
    placeSyllables: w('kar ova bel tepe su dag yol ca ak kuz'),
    placeSuffix: w('li lar koy ca -'),
    surnameEnds: w('- - oglu er can'),
  },
  kazakh: {
    male: w('Nurlan Yerlan Daniyar Askar Bauyrzhan Marat Serik Timur Arman Zhanibek Aidos Yerzhan'),
    female: w('Aigerim Dana Gulnara Saule Aizhan Madina Zhanna Dinara Assel Kamila'),
    last: w('Nurpeisov Abenov Bekov Suleimenov Zhakupov Omarov Ismailov Tokayev Kassymov Akhmetov Sadykov Baimukhanov Utegenov Dzhaksybekov'),
    placePrefix: w('- - - -'),
    placeSyllables: w('kara ak zhan su tal bas tau kol ar'),
    placeSuffix: w('tobe bulak -'),
    surnameEnds: w('ov ev ov ova'),
  },
  armenian: {
    male: w('Armen Aram Tigran Gor Hayk Davit Vahe Karen Samvel Artur Narek Levon'),
    female: w('Anahit Lusine Ani Mariam Nune Gayane Siranush Hasmik Arpi Lilit'),
    last: w('Hakobyan Petrosyan Sargsyan Harutyunyan Grigoryan Vardanyan Mkrtchyan Avetisyan Karapetyan Ghazaryan Manukyan Hovhannisyan Babayan Danielyan'),
    placePrefix: w('Nor_ - - -'),
    placeSyllables: w('var ta ga shen dzor ber kar ar'),
    placeSuffix: w('ik avan -'),
    surnameEnds: w('yan yan ian'),
  },
  andean: {
    male: w('Jose Luis Carlos Juan Pedro Miguel Jorge Victor Raul Edwin Hector Wilber Fredy Nestor Ronald'),
    female: w('Maria Rosa Carmen Ana Luz Elena Yolanda Julia Gladys Ruth Marisol Nelly'),
    last: w('Quispe Mamani Huaman Condori Flores Rojas Gutierrez Vargas Chavez Ramos Torres Apaza Ccama Choque Paredes Castillo Huanca Limachi Ticona Espinoza'),
    placePrefix: w('San_ Santa_ - - -'),
    placeSyllables: w('hua ca ya pa chu ma lla qui ta co'),
    placeSuffix: w('ni ca pampa ray -'),
    surnameEnds: w('- - a e o'),
  },
  haitian: {
    male: w('Jean Pierre Jean-Robert Wilson Frantz Jacques Emmanuel Wesner Ricardo Louis Rony Jonas Stanley Herve Guerby'),
    female: w('Marie Rose-Marie Nadege Marlene Guerline Fabienne Roseline Dieula Marie-Claude Lovely Mirlande Sabine'),
    last: w('Joseph Pierre Jean-Baptiste Louis Charles Etienne Celestin Desir Augustin Francois Alexis Dorval Michel Saint-Fleur Destine Philogene Thermidor Beauvais'),
    placePrefix: w('Fond_ Morne_ Source_ Bois_ - - -'),
    placeSyllables: w('ti ma re ba la zi do pe gou'),
    placeSuffix: w('ne ye -'),
    surnameEnds: w('- - e in ard'),
  },
  greek: {
    male: w('Giorgos Nikos Yannis Dimitris Konstantinos Kostas Panagiotis Christos Vasilis Michalis Stavros Andreas'),
    female: w('Maria Eleni Katerina Sofia Georgia Anna Dimitra Vasiliki Ioanna Despina Christina'),
    last: w('Papadopoulos Georgiou Nikolaou Konstantinou Dimitriou Papadakis Vlachos Oikonomou Karagiannis Christodoulou Antoniou Makris Alexiou Pappas Stavrou'),
    placePrefix: w('Agios_ Ano_ Kato_ - - -'),
    placeSyllables: w('ka li ri ma ne po the sta'),
    placeSuffix: w('i a os -'),
    surnameEnds: w('opoulos idis akis ou as'),
  },
  american: {
    male: w('John Michael David Robert James William Daniel Mark Kevin Brian Jason Eric Steven Paul Thomas Kai Keoni'),
    female: w('Mary Jennifer Linda Susan Karen Lisa Michelle Laura Emily Sarah Rachel Megan Leilani Kalena'),
    last: w('Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Thompson White Harris Clark Lewis Robinson Walker Kahananui Kealoha Boudreaux Thibodeaux'),
    placePrefix: w('Port_ Fort_ - - - -'),
    placeSyllables: w('mor lan ton field brook ville ridge'),
    placeSuffix: w('ton ville -'),
    surnameEnds: w('- son ton ley er'),
  },
  /** International officials, analysts and journalists. */
  international: {
    male: w('Martin Andrew Peter Thomas Richard Philippe Stefan Lars Marco Antonio Hiroshi Kenji Jan Pieter Francois Gunnar Sean Patrick Adrian Jonathan'),
    female: w('Sarah Catherine Anne Claire Ingrid Sofia Elena Julia Hannah Charlotte Amelia Helen Rebecca Olivia Isabelle Karin'),
    last: w('Hoffmann Lindqvist Moreau Rossi Bianchi Jansen de_Vries Okafor Mensah Tanaka Sato Kowalski Novak Dubois Laurent Schneider Becker Fischer Andersen Nielsen Murphy Gallagher Whitfield Ashworth Pemberton Holloway Carrington Baptiste Ferreira Ortiz'),
    placePrefix: w('-'),
    placeSyllables: w('ber lin'),
    placeSuffix: w('-'),
    surnameEnds: w('- er son mann ez'),
  },
} as const satisfies Record<string, Culture>;

export type CultureId = keyof typeof CULTURES;

/** Broad template group a story kind belongs to. */
export type StoryGroup = 'violence' | 'disaster' | 'epidemic' | 'accident' | 'migration';

export interface StorySpec {
  readonly slug: string;
  readonly group: StoryGroup;
  /** Sub-kind; chooses event words ("earthquake", "floods"). */
  readonly kind: 'war' | 'protest' | 'quake' | 'flood' | 'storm' | 'landslide' | 'wildfire' | 'epidemic' | 'spill' | 'blast' | 'sinking' | 'shipwreck';
  readonly country: string;
  readonly demonym: string;
  readonly capital: string;
  /** Word for a province ("province", "state", "region"). */
  readonly provinceWord: string;
  readonly provinces: readonly string[];
  readonly places: readonly string[];
  readonly culture: CultureId;
  readonly neighbors: readonly string[];
  /** First day of the story, YYYY-MM-DD. */
  readonly start: string;
  /** How many days the coverage runs. */
  readonly spanDays: number;
  /** Definite noun phrase for the whole story ("the war", "the earthquake"). */
  readonly event: string;
  /** The side that holds the state (or rescuers, for disasters). */
  readonly sideA: string;
  /** The other side (or the victims' group). */
  readonly sideB: string;
  /** Final death toll the story grows towards (order of magnitude). */
  readonly toll: number;
  /** Disease name for epidemics, vessel or site for accidents, hazard noun otherwise. */
  readonly hazard: string;
  readonly leaderTitle: string;
}

export const STORIES: readonly StorySpec[] = Object.freeze([
  { slug: 'sudan-war', group: 'violence', kind: 'war', country: 'Sudan', demonym: 'Sudanese', capital: 'Khartoum', provinceWord: 'state', provinces: w('North_Darfur South_Darfur Gezira North_Kordofan Khartoum Kassala'), places: w('Omdurman El_Fasher Nyala Wad_Madani El_Obeid Port_Sudan El_Geneina Kassala Bahri Zamzam'), culture: 'arab', neighbors: w('Chad Egypt South_Sudan'), start: '2023-04-15', spanDays: 720, event: 'the war', sideA: 'the army', sideB: 'paramilitary forces', toll: 60000, hazard: 'shelling', leaderTitle: 'army chief' },
  { slug: 'congo-east', group: 'violence', kind: 'war', country: 'Democratic Republic of Congo', demonym: 'Congolese', capital: 'Kinshasa', provinceWord: 'province', provinces: w('North_Kivu South_Kivu Ituri'), places: w('Goma Rutshuru Masisi Bunia Beni Butembo Sake Bukavu Kiwanja Minova'), culture: 'congolese', neighbors: w('Rwanda Uganda Burundi'), start: '2022-03-28', spanDays: 900, event: 'the fighting in the east', sideA: 'the Congolese army', sideB: 'rebel fighters', toll: 12000, hazard: 'shelling', leaderTitle: 'President' },
  { slug: 'myanmar-war', group: 'violence', kind: 'war', country: 'Myanmar', demonym: 'Myanmar', capital: 'Naypyitaw', provinceWord: 'region', provinces: w('Sagaing Mandalay Shan Kachin Karen Rakhine'), places: w('Mandalay Lashio Myawaddy Sagaing Hpakant Monywa Loikaw Kyaukme Hsipaw Mogok'), culture: 'burmese', neighbors: w('Thailand China India'), start: '2021-02-01', spanDays: 1100, event: 'the civil war', sideA: 'junta troops', sideB: 'resistance fighters', toll: 50000, hazard: 'air strikes', leaderTitle: 'junta chief' },
  { slug: 'yemen-war', group: 'violence', kind: 'war', country: 'Yemen', demonym: 'Yemeni', capital: 'Sanaa', provinceWord: 'governorate', provinces: w('Taiz Marib Hodeidah Saada Abyan Hajjah'), places: w('Aden Taiz Marib Hodeidah Saada Mukalla Ibb Dhamar Zinjibar Hajjah'), culture: 'arab', neighbors: w('Saudi_Arabia Oman Djibouti'), start: '2015-03-26', spanDays: 1300, event: 'the war', sideA: 'coalition-backed forces', sideB: 'rebel forces', toll: 150000, hazard: 'air strikes', leaderTitle: 'President' },
  { slug: 'syria-uprising', group: 'violence', kind: 'war', country: 'Syria', demonym: 'Syrian', capital: 'Damascus', provinceWord: 'province', provinces: w('Homs Hama Idlib Deraa Aleppo Latakia'), places: w('Homs Hama Aleppo Deraa Idlib Latakia Deir_ez-Zor Jisr_al-Shughour Douma Baniyas'), culture: 'arab', neighbors: w('Turkey Lebanon Jordan'), start: '2011-03-15', spanDays: 900, event: 'the uprising', sideA: 'government forces', sideB: 'rebels', toll: 90000, hazard: 'shelling', leaderTitle: 'President' },
  { slug: 'libya-conflict', group: 'violence', kind: 'war', country: 'Libya', demonym: 'Libyan', capital: 'Tripoli', provinceWord: 'district', provinces: w('Misrata Zawiya Sirte Jabal_al-Gharbi'), places: w('Benghazi Misrata Zawiya Sirte Zliten Brega Ajdabiya Ras_Lanuf Gharyan Nalut'), culture: 'arab', neighbors: w('Tunisia Egypt Chad'), start: '2011-02-15', spanDays: 250, event: 'the conflict', sideA: 'loyalist forces', sideB: 'rebel fighters', toll: 20000, hazard: 'shelling', leaderTitle: 'leader' },
  { slug: 'burkina-insurgency', group: 'violence', kind: 'war', country: 'Burkina Faso', demonym: 'Burkinabe', capital: 'Ouagadougou', provinceWord: 'region', provinces: w('Sahel Centre-Nord Est Nord Boucle_du_Mouhoun'), places: w('Djibo Kaya Fada_N\'Gourma Dori Ouahigouya Arbinda Kongoussi Titao Barsalogho Seytenga'), culture: 'westAfrican', neighbors: w('Niger Mali Ghana'), start: '2019-01-01', spanDays: 1400, event: 'the insurgency', sideA: 'the army', sideB: 'jihadist fighters', toll: 20000, hazard: 'ambushes', leaderTitle: 'junta leader' },
  { slug: 'tigray-war', group: 'violence', kind: 'war', country: 'Ethiopia', demonym: 'Ethiopian', capital: 'Addis Ababa', provinceWord: 'region', provinces: w('Tigray Amhara Afar'), places: w('Mekelle Adigrat Shire Axum Humera Alamata Dessie Adwa Kobo Woldiya'), culture: 'ethiopian', neighbors: w('Sudan Eritrea Djibouti'), start: '2020-11-04', spanDays: 730, event: 'the war in the north', sideA: 'federal forces', sideB: 'regional forces', toll: 100000, hazard: 'air strikes', leaderTitle: 'Prime Minister' },
  { slug: 'karabakh-fighting', group: 'violence', kind: 'war', country: 'Armenia', demonym: 'Armenian', capital: 'Yerevan', provinceWord: 'province', provinces: w('Syunik Vayots_Dzor Tavush'), places: w('Stepanakert Shusha Goris Lachin Martuni Hadrut Askeran Kapan Vardenis Jermuk'), culture: 'armenian', neighbors: w('Georgia Iran'), start: '2020-09-27', spanDays: 60, event: 'the fighting over Nagorno-Karabakh', sideA: 'Azerbaijani forces', sideB: 'ethnic Armenian forces', toll: 6000, hazard: 'shelling', leaderTitle: 'Prime Minister' },
  { slug: 'haiti-gangs', group: 'violence', kind: 'war', country: 'Haiti', demonym: 'Haitian', capital: 'Port-au-Prince', provinceWord: 'department', provinces: w('Ouest Artibonite Centre'), places: w('Cite_Soleil Croix-des-Bouquets Carrefour Petion-Ville Cap-Haitien Gonaives Mirebalais Saint-Marc Delmas Kenscoff'), culture: 'haitian', neighbors: w('the_Dominican_Republic'), start: '2023-03-01', spanDays: 600, event: 'the gang violence', sideA: 'police', sideB: 'armed gangs', toll: 8000, hazard: 'gunfire', leaderTitle: 'Prime Minister' },
  { slug: 'cabo-delgado', group: 'violence', kind: 'war', country: 'Mozambique', demonym: 'Mozambican', capital: 'Maputo', provinceWord: 'province', provinces: w('Cabo_Delgado Niassa Nampula'), places: w('Pemba Palma Mocimboa_da_Praia Macomia Mueda Ancuabe Quissanga Montepuez Meluco Nangade'), culture: 'lusophone', neighbors: w('Tanzania Malawi'), start: '2020-03-23', spanDays: 800, event: 'the insurgency', sideA: 'government troops', sideB: 'insurgents', toll: 4000, hazard: 'raids', leaderTitle: 'President' },
  { slug: 'somalia-offensive', group: 'violence', kind: 'war', country: 'Somalia', demonym: 'Somali', capital: 'Mogadishu', provinceWord: 'region', provinces: w('Hiran Bay Lower_Shabelle Middle_Shabelle Galmudug'), places: w('Baidoa Beledweyne Kismayo Galkayo Bosaso Jowhar Afgoye Dhusamareb Adan_Yabal Mahas'), culture: 'somali', neighbors: w('Kenya Ethiopia'), start: '2022-08-01', spanDays: 500, event: 'the offensive against militants', sideA: 'government forces', sideB: 'militants', toll: 5000, hazard: 'bombings', leaderTitle: 'President' },
  { slug: 'rohingya-exodus', group: 'migration', kind: 'war', country: 'Myanmar', demonym: 'Myanmar', capital: 'Naypyitaw', provinceWord: 'state', provinces: w('Rakhine Chin'), places: w('Maungdaw Buthidaung Sittwe Cox\'s_Bazar Kutupalong Teknaf Rathedaung Ukhia Balukhali Shamlapur'), culture: 'bengali', neighbors: w('Bangladesh'), start: '2017-08-25', spanDays: 240, event: 'the crackdown in Rakhine', sideA: 'security forces', sideB: 'Rohingya villagers', toll: 7000, hazard: 'arson attacks', leaderTitle: 'State Counsellor' },
  { slug: 'egypt-uprising', group: 'violence', kind: 'protest', country: 'Egypt', demonym: 'Egyptian', capital: 'Cairo', provinceWord: 'governorate', provinces: w('Alexandria Suez Port_Said Ismailia Gharbia'), places: w('Alexandria Suez Port_Said Ismailia Mansoura Mahalla Giza Assiut Tanta Minya'), culture: 'arab', neighbors: w('Libya Sudan'), start: '2011-01-25', spanDays: 900, event: 'the uprising', sideA: 'security forces', sideB: 'protesters', toll: 900, hazard: 'clashes', leaderTitle: 'President' },
  { slug: 'iran-protests', group: 'violence', kind: 'protest', country: 'Iran', demonym: 'Iranian', capital: 'Tehran', provinceWord: 'province', provinces: w('Kurdistan Sistan-Baluchestan Khorasan Isfahan'), places: w('Zahedan Mashhad Sanandaj Isfahan Tabriz Shiraz Saqqez Mahabad Javanrud Bukan'), culture: 'persian', neighbors: w('Iraq Turkey'), start: '2022-09-16', spanDays: 200, event: 'the protests', sideA: 'security forces', sideB: 'protesters', toll: 500, hazard: 'crackdown', leaderTitle: 'President' },
  { slug: 'srilanka-crisis', group: 'violence', kind: 'protest', country: 'Sri Lanka', demonym: 'Sri Lankan', capital: 'Colombo', provinceWord: 'province', provinces: w('Western Central Southern North_Western'), places: w('Kandy Galle Rambukkana Negombo Jaffna Kurunegala Matara Anuradhapura Kegalle Moratuwa'), culture: 'sinhala', neighbors: w('India the_Maldives'), start: '2022-03-31', spanDays: 200, event: 'the economic crisis', sideA: 'police', sideB: 'protesters', toll: 60, hazard: 'clashes', leaderTitle: 'President' },
  { slug: 'kenya-tax-protests', group: 'violence', kind: 'protest', country: 'Kenya', demonym: 'Kenyan', capital: 'Nairobi', provinceWord: 'county', provinces: w('Nairobi Mombasa Kisumu Nakuru Kiambu'), places: w('Mombasa Kisumu Nakuru Eldoret Nyeri Githurai Kitengela Machakos Kakamega Rongai'), culture: 'swahili', neighbors: w('Uganda Tanzania'), start: '2024-06-18', spanDays: 120, event: 'the protests over tax increases', sideA: 'police', sideB: 'protesters', toll: 60, hazard: 'clashes', leaderTitle: 'President' },
  { slug: 'bangladesh-protests', group: 'violence', kind: 'protest', country: 'Bangladesh', demonym: 'Bangladeshi', capital: 'Dhaka', provinceWord: 'division', provinces: w('Dhaka Chittagong Rangpur Sylhet Khulna'), places: w('Chittagong Rangpur Sylhet Khulna Rajshahi Narsingdi Savar Gazipur Jatrabari Mirpur'), culture: 'bengali', neighbors: w('India Myanmar'), start: '2024-07-01', spanDays: 90, event: 'the student-led protests', sideA: 'police', sideB: 'students', toll: 650, hazard: 'clashes', leaderTitle: 'Prime Minister' },
  { slug: 'peru-unrest', group: 'violence', kind: 'protest', country: 'Peru', demonym: 'Peruvian', capital: 'Lima', provinceWord: 'region', provinces: w('Puno Ayacucho Cusco Apurimac Arequipa'), places: w('Juliaca Cusco Ayacucho Puno Arequipa Andahuaylas Ica Trujillo Ilave Chala'), culture: 'andean', neighbors: w('Bolivia Chile Ecuador'), start: '2022-12-07', spanDays: 150, event: 'the unrest', sideA: 'security forces', sideB: 'protesters', toll: 70, hazard: 'clashes', leaderTitle: 'President' },
  { slug: 'kazakhstan-unrest', group: 'violence', kind: 'protest', country: 'Kazakhstan', demonym: 'Kazakh', capital: 'Astana', provinceWord: 'region', provinces: w('Mangystau Almaty Zhambyl Atyrau'), places: w('Almaty Zhanaozen Aktau Taraz Shymkent Aktobe Atyrau Kyzylorda Taldykorgan Uralsk'), culture: 'kazakh', neighbors: w('Russia Kyrgyzstan'), start: '2022-01-02', spanDays: 45, event: 'the unrest', sideA: 'security forces', sideB: 'protesters', toll: 230, hazard: 'clashes', leaderTitle: 'President' },
  { slug: 'haiti-quake', group: 'disaster', kind: 'quake', country: 'Haiti', demonym: 'Haitian', capital: 'Port-au-Prince', provinceWord: 'department', provinces: w('Ouest Sud-Est Nippes'), places: w('Leogane Jacmel Petit-Goave Carrefour Grand-Goave Gressier Delmas Cabaret Petion-Ville Croix-des-Bouquets'), culture: 'haitian', neighbors: w('the_Dominican_Republic'), start: '2010-01-12', spanDays: 60, event: 'the earthquake', sideA: 'rescue teams', sideB: 'survivors', toll: 150000, hazard: 'earthquake', leaderTitle: 'President' },
  { slug: 'turkey-quake', group: 'disaster', kind: 'quake', country: 'Turkey', demonym: 'Turkish', capital: 'Ankara', provinceWord: 'province', provinces: w('Hatay Kahramanmaras Gaziantep Adiyaman Malatya Osmaniye'), places: w('Kahramanmaras Antakya Gaziantep Adiyaman Malatya Iskenderun Osmaniye Diyarbakir Nurdagi Islahiye'), culture: 'turkish', neighbors: w('Syria'), start: '2023-02-06', spanDays: 60, event: 'the earthquakes', sideA: 'rescue teams', sideB: 'survivors', toll: 50000, hazard: 'earthquake', leaderTitle: 'President' },
  { slug: 'nepal-quake', group: 'disaster', kind: 'quake', country: 'Nepal', demonym: 'Nepali', capital: 'Kathmandu', provinceWord: 'district', provinces: w('Gorkha Sindhupalchok Dhading Rasuwa Nuwakot'), places: w('Gorkha Bhaktapur Sindhupalchok Lalitpur Dhading Barpak Langtang Pokhara Chautara Melamchi'), culture: 'nepali', neighbors: w('India China'), start: '2015-04-25', spanDays: 60, event: 'the earthquake', sideA: 'rescue teams', sideB: 'survivors', toll: 9000, hazard: 'earthquake', leaderTitle: 'Prime Minister' },
  { slug: 'morocco-quake', group: 'disaster', kind: 'quake', country: 'Morocco', demonym: 'Moroccan', capital: 'Rabat', provinceWord: 'province', provinces: w('Al_Haouz Taroudant Chichaoua Ouarzazate'), places: w('Marrakech Amizmiz Taroudant Talat_N\'Yaaqoub Moulay_Brahim Ouarzazate Chichaoua Asni Ijoukak Tafeghaghte'), culture: 'arab', neighbors: w('Algeria Spain'), start: '2023-09-08', spanDays: 40, event: 'the earthquake', sideA: 'rescue teams', sideB: 'survivors', toll: 3000, hazard: 'earthquake', leaderTitle: 'Prime Minister' },
  { slug: 'sulawesi-tsunami', group: 'disaster', kind: 'quake', country: 'Indonesia', demonym: 'Indonesian', capital: 'Jakarta', provinceWord: 'province', provinces: w('Central_Sulawesi West_Sulawesi'), places: w('Palu Donggala Sigi Petobo Balaroa Talise Mamboro Parigi Jono_Oge Tondo'), culture: 'indonesian', neighbors: w('Malaysia'), start: '2018-09-28', spanDays: 45, event: 'the earthquake and tsunami', sideA: 'rescue teams', sideB: 'survivors', toll: 4300, hazard: 'tsunami', leaderTitle: 'President' },
  { slug: 'herat-quake', group: 'disaster', kind: 'quake', country: 'Afghanistan', demonym: 'Afghan', capital: 'Kabul', provinceWord: 'province', provinces: w('Herat Badghis Farah'), places: w('Herat Zinda_Jan Ghoryan Injil Kushk Naib_Rafi Sarbuland Chahak Kohsan Gulran'), culture: 'persian', neighbors: w('Iran Pakistan'), start: '2023-10-07', spanDays: 40, event: 'the earthquakes', sideA: 'rescue teams', sideB: 'survivors', toll: 1500, hazard: 'earthquake', leaderTitle: 'government spokesman' },
  { slug: 'pakistan-floods', group: 'disaster', kind: 'flood', country: 'Pakistan', demonym: 'Pakistani', capital: 'Islamabad', provinceWord: 'province', provinces: w('Sindh Balochistan Khyber_Pakhtunkhwa Punjab'), places: w('Sukkur Larkana Dadu Jacobabad Quetta Hyderabad Nowshera Swat Sehwan Khairpur'), culture: 'pakistani', neighbors: w('Afghanistan India'), start: '2022-06-14', spanDays: 150, event: 'the floods', sideA: 'rescue teams', sideB: 'flood victims', toll: 1700, hazard: 'monsoon rains', leaderTitle: 'Prime Minister' },
  { slug: 'derna-floods', group: 'disaster', kind: 'flood', country: 'Libya', demonym: 'Libyan', capital: 'Tripoli', provinceWord: 'district', provinces: w('Derna Jabal_al-Akhdar Marj'), places: w('Derna Benghazi Bayda Susa Al_Marj Shahat Tobruk Umm_Razaz Wardama Karsa'), culture: 'arab', neighbors: w('Egypt Tunisia'), start: '2023-09-10', spanDays: 40, event: 'the floods', sideA: 'rescue teams', sideB: 'survivors', toll: 5000, hazard: 'storm', leaderTitle: 'Prime Minister' },
  { slug: 'brazil-floods', group: 'disaster', kind: 'flood', country: 'Brazil', demonym: 'Brazilian', capital: 'Brasilia', provinceWord: 'state', provinces: w('Rio_Grande_do_Sul Santa_Catarina'), places: w('Porto_Alegre Canoas Eldorado_do_Sul Sao_Leopoldo Novo_Hamburgo Lajeado Santa_Maria Roca_Sales Muçum Encantado'), culture: 'lusophone', neighbors: w('Uruguay Argentina'), start: '2024-04-29', spanDays: 60, event: 'the floods', sideA: 'rescue teams', sideB: 'residents', toll: 180, hazard: 'torrential rain', leaderTitle: 'President' },
  { slug: 'cyclone-mozambique', group: 'disaster', kind: 'storm', country: 'Mozambique', demonym: 'Mozambican', capital: 'Maputo', provinceWord: 'province', provinces: w('Sofala Manica Zambezia'), places: w('Beira Buzi Dondo Nhamatanda Chimoio Tica Inhaminga Mutare Chimanimani Guro'), culture: 'lusophone', neighbors: w('Zimbabwe Malawi'), start: '2019-03-14', spanDays: 60, event: 'the cyclone', sideA: 'rescue teams', sideB: 'survivors', toll: 1000, hazard: 'cyclone', leaderTitle: 'President' },
  { slug: 'philippines-typhoon', group: 'disaster', kind: 'storm', country: 'the Philippines', demonym: 'Filipino', capital: 'Manila', provinceWord: 'province', provinces: w('Leyte Samar Eastern_Samar Iloilo Capiz'), places: w('Tacloban Ormoc Guiuan Palo Basey Roxas Coron Tanauan Marabut Estancia'), culture: 'filipino', neighbors: w('Taiwan'), start: '2013-11-08', spanDays: 60, event: 'the typhoon', sideA: 'rescue teams', sideB: 'survivors', toll: 6300, hazard: 'typhoon', leaderTitle: 'President' },
  { slug: 'wayanad-landslides', group: 'disaster', kind: 'landslide', country: 'India', demonym: 'Indian', capital: 'New Delhi', provinceWord: 'state', provinces: w('Kerala Karnataka'), places: w('Wayanad Mundakkai Chooralmala Meppadi Kalpetta Kozhikode Nilambur Attamala Punchirimattom Vellarimala'), culture: 'indian', neighbors: w('Sri_Lanka'), start: '2024-07-30', spanDays: 30, event: 'the landslides', sideA: 'rescue teams', sideB: 'survivors', toll: 400, hazard: 'landslides', leaderTitle: 'Chief Minister' },
  { slug: 'maui-wildfires', group: 'disaster', kind: 'wildfire', country: 'the United States', demonym: 'American', capital: 'Honolulu', provinceWord: 'county', provinces: w('Maui Hawaii'), places: w('Lahaina Kula Kihei Wailuku Kahului Napili Kaanapali Pukalani Makawao Olinda'), culture: 'american', neighbors: w('Oahu'), start: '2023-08-08', spanDays: 60, event: 'the wildfires', sideA: 'firefighters', sideB: 'residents', toll: 100, hazard: 'wildfire', leaderTitle: 'Governor' },
  { slug: 'greece-wildfires', group: 'disaster', kind: 'wildfire', country: 'Greece', demonym: 'Greek', capital: 'Athens', provinceWord: 'region', provinces: w('Attica Evia Evros'), places: w('Mati Rafina Evia Alexandroupolis Rhodes Kineta Marathon Varibobi Nea_Makri Dadia'), culture: 'greek', neighbors: w('Turkey Cyprus'), start: '2018-07-23', spanDays: 45, event: 'the wildfires', sideA: 'firefighters', sideB: 'residents', toll: 100, hazard: 'wildfire', leaderTitle: 'Prime Minister' },
  { slug: 'ebola-outbreak', group: 'epidemic', kind: 'epidemic', country: 'Liberia', demonym: 'Liberian', capital: 'Monrovia', provinceWord: 'county', provinces: w('Lofa Montserrado Margibi Nimba'), places: w('Monrovia Kenema Gueckedou Conakry Freetown Kailahun Foya Voinjama Gbarnga Kakata'), culture: 'westAfrican', neighbors: w('Guinea Sierra_Leone Ivory_Coast'), start: '2014-03-23', spanDays: 500, event: 'the Ebola outbreak', sideA: 'health workers', sideB: 'patients', toll: 11000, hazard: 'Ebola', leaderTitle: 'President' },
  { slug: 'cholera-zambia', group: 'epidemic', kind: 'epidemic', country: 'Zambia', demonym: 'Zambian', capital: 'Lusaka', provinceWord: 'province', provinces: w('Lusaka Copperbelt Central Eastern'), places: w('Ndola Kitwe Kabwe Chipata Kanyama Matero Chingola Livingstone Mufulira George'), culture: 'zambian', neighbors: w('Malawi Zimbabwe'), start: '2023-10-18', spanDays: 180, event: 'the cholera outbreak', sideA: 'health workers', sideB: 'patients', toll: 700, hazard: 'cholera', leaderTitle: 'President' },
  { slug: 'mpox-congo', group: 'epidemic', kind: 'epidemic', country: 'Democratic Republic of Congo', demonym: 'Congolese', capital: 'Kinshasa', provinceWord: 'province', provinces: w('South_Kivu Equateur Sankuru Tshopo'), places: w('Bukavu Uvira Kamituga Goma Mbandaka Kisangani Kananga Kalehe Shabunda Kavumu'), culture: 'congolese', neighbors: w('Burundi Rwanda Uganda'), start: '2024-01-15', spanDays: 300, event: 'the mpox outbreak', sideA: 'health workers', sideB: 'patients', toll: 1200, hazard: 'mpox', leaderTitle: 'President' },
  { slug: 'gulf-oil-spill', group: 'accident', kind: 'spill', country: 'the United States', demonym: 'American', capital: 'Washington', provinceWord: 'parish', provinces: w('Plaquemines Terrebonne Lafourche Jefferson'), places: w('Venice Grand_Isle Port_Fourchon Houma Gulf_Shores Pensacola Biloxi Mobile Dauphin_Island Cocodrie'), culture: 'american', neighbors: w('Mexico'), start: '2010-04-20', spanDays: 150, event: 'the oil spill', sideA: 'responders', sideB: 'fishermen', toll: 11, hazard: 'drilling rig', leaderTitle: 'Governor' },
  { slug: 'amasra-mine', group: 'accident', kind: 'blast', country: 'Turkey', demonym: 'Turkish', capital: 'Ankara', provinceWord: 'province', provinces: w('Bartin Zonguldak'), places: w('Amasra Bartin Zonguldak Kozlu Karadon Eregli Kilimli Ulus Kurucasile Devrek'), culture: 'turkish', neighbors: w('Georgia'), start: '2022-10-14', spanDays: 30, event: 'the mine explosion', sideA: 'rescuers', sideB: 'miners', toll: 42, hazard: 'coal mine', leaderTitle: 'President' },
  { slug: 'beirut-blast', group: 'accident', kind: 'blast', country: 'Lebanon', demonym: 'Lebanese', capital: 'Beirut', provinceWord: 'governorate', provinces: w('Beirut Mount_Lebanon'), places: w('Gemmayzeh Mar_Mikhael Karantina Achrafieh Bourj_Hammoud Jounieh Hamra Rmeil Medawar Badaro'), culture: 'arab', neighbors: w('Syria Cyprus'), start: '2020-08-04', spanDays: 120, event: 'the port explosion', sideA: 'rescuers', sideB: 'residents', toll: 220, hazard: 'port warehouse', leaderTitle: 'Prime Minister' },
  { slug: 'lake-ferry', group: 'accident', kind: 'sinking', country: 'Tanzania', demonym: 'Tanzanian', capital: 'Dodoma', provinceWord: 'region', provinces: w('Mwanza Mara Kagera'), places: w('Mwanza Ukerewe Bugorora Ukara Bukoba Musoma Nansio Kisorya Bwisya Sengerema'), culture: 'swahili', neighbors: w('Kenya Uganda'), start: '2018-09-20', spanDays: 30, event: 'the ferry disaster', sideA: 'rescuers', sideB: 'passengers', toll: 230, hazard: 'ferry', leaderTitle: 'President' },
  { slug: 'mediterranean-shipwreck', group: 'migration', kind: 'shipwreck', country: 'Greece', demonym: 'Greek', capital: 'Athens', provinceWord: 'region', provinces: w('Messenia Peloponnese Crete'), places: w('Pylos Kalamata Lampedusa Tobruk Piraeus Crete Sicily Malta Gavdos Methoni'), culture: 'greek', neighbors: w('Italy Libya'), start: '2023-06-14', spanDays: 40, event: 'the shipwreck', sideA: 'the coast guard', sideB: 'migrants', toll: 600, hazard: 'fishing boat', leaderTitle: 'Prime Minister' },
]);

/** Words for each story kind, used by templates through {event_word} etc. */
export const KIND_WORDS: Readonly<Record<StorySpec['kind'], { eventWord: string; attacks: readonly string[]; verbs: readonly string[] }>> = {
  war: { eventWord: 'conflict', attacks: w('air_strike shelling attack ambush drone_strike assault bombing raid'), verbs: w('killed died') },
  protest: { eventWord: 'crackdown', attacks: w('crackdown clashes shooting protest march sit-in'), verbs: w('killed died') },
  quake: { eventWord: 'earthquake', attacks: w('quake aftershock tremor collapse'), verbs: w('killed died') },
  flood: { eventWord: 'flooding', attacks: w('flash_flood deluge mudslide storm'), verbs: w('killed drowned') },
  storm: { eventWord: 'storm', attacks: w('storm_surge cyclone flooding landslide'), verbs: w('killed died') },
  landslide: { eventWord: 'landslide', attacks: w('landslide mudslide collapse'), verbs: w('killed buried') },
  wildfire: { eventWord: 'wildfire', attacks: w('fire blaze inferno'), verbs: w('killed died') },
  epidemic: { eventWord: 'outbreak', attacks: w('outbreak cluster surge'), verbs: w('died') },
  spill: { eventWord: 'spill', attacks: w('blast explosion fire leak'), verbs: w('killed died') },
  blast: { eventWord: 'explosion', attacks: w('blast explosion fire collapse'), verbs: w('killed died') },
  sinking: { eventWord: 'disaster', attacks: w('capsizing sinking accident'), verbs: w('drowned died') },
  shipwreck: { eventWord: 'shipwreck', attacks: w('capsizing sinking shipwreck'), verbs: w('drowned died') },
};

/** Who gives figures. `{country}`, `{demonym}`, `{place}`, `{province}` are filled per story. */
export const CLAIMANTS: Readonly<Record<StoryGroup | 'any', readonly string[]>> = {
  any: [
    'the United Nations', 'the UN humanitarian office', 'the International Committee of the Red Cross', 'the Red Crescent',
    'local officials', 'officials', 'state television', 'the state news agency', 'the {demonym} health ministry',
    'the interior ministry', 'the government', 'hospital officials', 'medical sources', 'witnesses',
    'a government spokesman', 'the governor of {province} {provinceWord}', 'the mayor of {place}',
    'the World Health Organization', 'aid agencies', 'a senior official', 'the UN refugee agency',
    'the International Organization for Migration', 'Doctors Without Borders', 'the health ministry', 'local media',
  ],
  violence: [
    'Human Rights Watch', 'Amnesty International', 'opposition activists', 'a rights group', 'the army', 'the military',
    'the defence ministry', 'police', 'a military spokesman', 'rebel commanders', 'a monitoring group',
    'the UN human rights office', 'residents', 'a local human rights lawyer', 'the opposition', 'security sources',
    'the Armed Conflict Location and Event Data project', 'activists', 'a doctors\' union', 'the prosecutor\'s office',
  ],
  disaster: [
    'the disaster management agency', 'the civil defence agency', 'the national disaster authority', 'rescue officials',
    'the fire service', 'the emergency services ministry', 'the meteorological department', 'the army', 'police',
    'the Pan American Health Organization', 'UNICEF', 'the World Food Programme', 'the provincial government',
  ],
  epidemic: [
    'the World Health Organization', 'the Africa Centres for Disease Control and Prevention', 'UNICEF',
    'the national public health institute', 'health officials', 'the health ministry', 'Doctors Without Borders',
    'the disease control centre', 'epidemiologists',
  ],
  accident: [
    'the company', 'the coast guard', 'the energy ministry', 'the fire service', 'rescue officials', 'police',
    'the prosecutor\'s office', 'the transport ministry', 'investigators', 'the port authority', 'the operator',
  ],
  migration: [
    'the coast guard', 'the UN refugee agency', 'the International Organization for Migration', 'Save the Children',
    'survivors', 'aid groups', 'rescue officials', 'police', 'the migration ministry', 'Doctors Without Borders',
  ],
};

/** Officials' job titles, by story group; a name is attached at run time. */
export const OFFICIAL_TITLES: Readonly<Record<StoryGroup, readonly string[]>> = {
  violence: ['Interior Minister', 'Defence Minister', 'Foreign Minister', 'Information Minister', 'army spokesman Col.', 'government spokesperson', 'opposition leader', 'Health Minister', 'police chief', 'Prime Minister'],
  disaster: ['Interior Minister', 'Health Minister', 'disaster management chief', 'civil protection chief', 'Governor', 'Mayor', 'government spokesperson', 'Prime Minister', 'army chief of staff', 'Finance Minister'],
  epidemic: ['Health Minister', 'chief medical officer', 'government spokesperson', 'Information Minister', 'Prime Minister', 'director of disease control'],
  accident: ['Energy Minister', 'Interior Minister', 'Transport Minister', 'Governor', 'chief prosecutor', 'government spokesperson', 'fire chief', 'Health Minister'],
  migration: ['Migration Minister', 'coast guard spokesman', 'Foreign Minister', 'government spokesperson', 'Interior Minister', 'regional governor'],
};

export const INTERNATIONAL_ROLES: readonly string[] = [
  'UN Secretary-General', 'UN humanitarian chief', 'the UN\'s special envoy', 'UN High Commissioner for Human Rights',
  'head of the International Committee of the Red Cross delegation', 'the World Food Programme\'s country director',
  'UNICEF\'s regional director', 'EU foreign policy chief', 'the World Health Organization\'s regional director',
  'US Secretary of State', 'British Foreign Secretary', 'French Foreign Minister', 'the African Union commission chairman',
  'Doctors Without Borders\' head of mission', 'the Norwegian Refugee Council\'s secretary general',
];

export const THINK_TANKS: readonly string[] = [
  'the International Crisis Group', 'Chatham House', 'the Carnegie Endowment for International Peace', 'the Brookings Institution',
  'the Institute for Security Studies', 'the Royal United Services Institute', 'the Center for Strategic and International Studies',
  'the Overseas Development Institute', 'the Stockholm International Peace Research Institute', 'the Atlantic Council',
  'the Middle East Institute', 'the Clingendael Institute', 'the Lowy Institute', 'the Wilson Center',
];

export const OCCUPATIONS: readonly string[] = [
  'teacher', 'farmer', 'shopkeeper', 'taxi driver', 'nurse', 'student', 'mechanic', 'fisherman', 'construction worker',
  'mother of four', 'father of three', 'retired civil servant', 'pharmacist', 'market trader', 'doctor', 'engineer',
  'volunteer', 'university lecturer', 'baker', 'bus driver', 'tailor', 'carpenter', 'street vendor', 'hotel worker',
  'local councillor', 'imam', 'pastor', 'midwife', 'lawyer', 'journalist',
];

/** News agencies (all invented). `code` appears in datelines: "CITY (MNA) -". */
export interface Agency { readonly name: string; readonly code: string; readonly dashStyle: 'ap' | 'reuters' | 'afp' }
export const AGENCIES: readonly Agency[] = [
  { name: 'Continental Press', code: 'CP', dashStyle: 'ap' },
  { name: 'Meridian News Agency', code: 'MNA', dashStyle: 'reuters' },
  { name: 'Agence Mondiale de Presse', code: 'AMP', dashStyle: 'afp' },
  { name: 'Pacific Wire Service', code: 'PWS', dashStyle: 'ap' },
];

/** Page furniture family: decides the header, captions and footer boilerplate. */
export type OutletFamily = 'wire' | 'ukRegional' | 'broadcaster' | 'euro' | 'usPaper' | 'aggregator' | 'asian' | 'gulf' | 'blog';

export interface Outlet {
  readonly name: string;
  readonly domain: string;
  readonly style: 'us' | 'uk';
  readonly family: OutletFamily;
  /** Index into AGENCIES when the outlet is itself a wire agency. */
  readonly agency?: number;
  /** Curly quotes and apostrophes. */
  readonly curly: boolean;
  readonly weight: number;
}

const o = (name: string, domain: string, style: 'us' | 'uk', family: OutletFamily, curly: boolean, weight = 1, agency?: number): Outlet =>
  agency === undefined ? { name, domain, style, family, curly, weight } : { name, domain, style, family, curly, weight, agency };

export const OUTLETS: readonly Outlet[] = Object.freeze([
  o('Continental Press', 'continentalpress.org', 'us', 'wire', true, 6, 0),
  o('Meridian News Agency', 'meridiannews.com', 'uk', 'wire', false, 6, 1),
  o('Agence Mondiale de Presse', 'amp-news.fr', 'uk', 'wire', false, 4, 2),
  o('Pacific Wire Service', 'pacificwire.net', 'us', 'wire', true, 2, 3),
  o('The Daily Meridian', 'dailymeridian.com', 'us', 'usPaper', true, 2),
  o('Harbor City Herald', 'harborcityherald.com', 'us', 'usPaper', true),
  o('The Capital Dispatch', 'capitaldispatch.com', 'us', 'usPaper', true, 2),
  o('Lakeshore Tribune', 'lakeshoretribune.com', 'us', 'usPaper', false),
  o('The National Chronicle', 'nationalchronicle.com', 'us', 'usPaper', true, 2),
  o('Pacific Ledger', 'pacificledger.com', 'us', 'usPaper', true),
  o('Midwest Times-Gazette', 'mwtimesgazette.com', 'us', 'usPaper', false),
  o('The Atlantic Observer', 'atlanticobserver.com', 'us', 'usPaper', true),
  o('Frontier Journal', 'frontierjournal.com', 'us', 'usPaper', true),
  o('Riverbend Courier', 'riverbendcourier.com', 'us', 'usPaper', false),
  o('Express & Sentinel', 'expressandsentinel.co.uk', 'uk', 'ukRegional', true, 2),
  o('Westgate Evening Post', 'westgatepost.co.uk', 'uk', 'ukRegional', true),
  o('The London Examiner', 'londonexaminer.co.uk', 'uk', 'ukRegional', true, 2),
  o('Midlands Express', 'midlandsexpress.co.uk', 'uk', 'ukRegional', true),
  o('Highland Gazette', 'highlandgazette.co.uk', 'uk', 'ukRegional', true),
  o('Thames Valley Mercury', 'tvmercury.co.uk', 'uk', 'ukRegional', false),
  o('The Clarion', 'theclarion.co.uk', 'uk', 'ukRegional', true),
  o('Northgate Echo-Star', 'northgateechostar.co.uk', 'uk', 'ukRegional', true),
  o('Albion Broadcasting', 'albionbroadcasting.co.uk', 'uk', 'broadcaster', true, 3),
  o('WorldView Television', 'worldviewtv.com', 'us', 'broadcaster', true, 2),
  o('Channel Nine Global', 'c9global.com', 'us', 'broadcaster', false),
  o('Euroview News', 'euroviewnews.eu', 'uk', 'euro', true, 2),
  o('Continental Europe Today', 'cetoday.eu', 'uk', 'euro', false),
  o('Africa Report Daily', 'africareportdaily.com', 'uk', 'euro', true),
  o('World Brief', 'worldbrief.news', 'us', 'aggregator', true),
  o('NewsPulse', 'newspulse.io', 'us', 'aggregator', false),
  o('Global Digest', 'globaldigest.net', 'uk', 'aggregator', true),
  o('Delhi Morning Wire', 'delhimorningwire.in', 'uk', 'asian', false),
  o('Manila Evening Courier', 'manilaeveningcourier.ph', 'us', 'asian', false),
  o('Asia Pacific Monitor', 'apmonitor.asia', 'uk', 'asian', true),
  o('Dhaka Evening Star', 'dhakaeveningstar.com', 'uk', 'asian', false),
  o('Straits Herald', 'straitsherald.sg', 'uk', 'asian', true),
  o('Gulf Daily Review', 'gulfdailyreview.com', 'uk', 'gulf', true),
  o('The Levant Star', 'levantstar.com', 'uk', 'gulf', false),
  o('Nile Valley Times', 'nilevalleytimes.com', 'uk', 'gulf', true),
  o('Nairobi Standard-Times', 'nairobistandardtimes.co.ke', 'uk', 'gulf', false),
  o('Andes Post', 'andespost.com', 'us', 'usPaper', false),
  o('Conflict Monitor', 'conflictmonitor.org', 'uk', 'blog', false),
  o('The Field Notes', 'thefieldnotes.substack.example', 'us', 'blog', true),
]);

export const SECTIONS: readonly string[] = ['world', 'news/world', 'international', 'world-news', 'global', 'news', 'africa', 'middle-east', 'asia', 'americas', 'europe'];

export const MONTHS: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const SMALL_NUMBER_WORDS: readonly string[] = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
export const TENS_WORDS: readonly string[] = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/**
 * US spelling -> UK spelling, applied to UK outlets' text (and reversed for US
 * outlets re-running UK copy). Lower-case only, so "World Health Organization"
 * survives. `whole` entries match whole words; `prefix` entries word starts.
 */
export const UK_SPELLINGS: { readonly whole: readonly (readonly [string, string])[]; readonly prefix: readonly (readonly [string, string])[] } = {
  whole: [
    ['defense', 'defence'], ['offense', 'offence'], ['center', 'centre'], ['centers', 'centres'], ['program', 'programme'],
    ['labor', 'labour'], ['gray', 'grey'], ['canceled', 'cancelled'], ['traveled', 'travelled'], ['percent', 'per cent'],
    ['last fall', 'last autumn'], ['this fall', 'this autumn'], ['cooperation', 'co-operation'],
  ],
  prefix: [
    ['honor', 'honour'], ['neighbor', 'neighbour'], ['organiz', 'organis'], ['mobiliz', 'mobilis'], ['recogniz', 'recognis'],
    ['criticiz', 'criticis'], ['authoriz', 'authoris'], ['favor', 'favour'], ['finaliz', 'finalis'],
  ],
};

/** Headlines for "Read more" and "Related" blocks: recycled across stories. */
export const RELATED_HEADLINES: readonly string[] = [
  'Aid convoy reaches {place} after weeks of delays',
  '{Country} declares three days of national mourning',
  'What we know so far about {event}',
  'Analysis: why the death toll in {country} keeps rising',
  'In pictures: life in {place} after {event}',
  'UN chief calls for urgent access to {place}',
  'Families wait for news of the missing in {place}',
  '{Country}: the key dates',
  'Donors pledge millions as {country} appeals for help',
  'How {event} unfolded, hour by hour',
  'Map: the areas hit hardest',
  'Explainer: who are the {side_b}?',
  'Opinion: the world cannot look away from {country}',
  '{Capital} residents queue for fuel and bread',
  'Watch: drone footage shows scale of destruction in {place}',
  'Fears grow for thousands trapped in {place}',
  'Ceasefire talks stall as fighting spreads',
  'Doctors describe desperate conditions in {place} hospitals',
];
